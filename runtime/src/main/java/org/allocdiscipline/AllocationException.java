package org.allocdiscipline;

import java.io.Serial;

/**
 * An allocation request that could not be satisfied: the operating system refused memory, a
 * fixed buffer is full, or a test allocator failed on purpose. Checked, because allocation is
 * fallible and handling that is part of the contract.
 *
 * <p>A failed {@link Allocator#realloc realloc} leaves the original allocation alive and intact.
 */
public final class AllocationException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The size of the request that failed, in bytes. */
    private final long requestedBytes;

    /**
     * Creates an exception for a request of {@code requestedBytes} bytes.
     *
     * @param requestedBytes the size that was asked for
     * @param message why the request failed
     */
    public AllocationException(long requestedBytes, String message) {
        super(message);
        this.requestedBytes = requestedBytes;
    }

    /**
     * Creates an exception for a request of {@code requestedBytes} bytes, caused by another failure.
     *
     * @param requestedBytes the size that was asked for
     * @param message why the request failed
     * @param cause the underlying failure
     */
    public AllocationException(long requestedBytes, String message, Throwable cause) {
        super(message, cause);
        this.requestedBytes = requestedBytes;
    }

    /**
     * Returns the size of the request that failed.
     *
     * @return the requested size in bytes
     */
    public long requestedBytes() {
        return requestedBytes;
    }
}
