package org.allocdiscipline;

import java.util.Objects;

/**
 * An {@link AllocationException} carried through an API that cannot declare it, such as the
 * {@link java.lang.foreign.SegmentAllocator} of {@link Allocator#asSegmentAllocator()}, as
 * {@link java.io.UncheckedIOException} carries an {@code IOException}. Catch it where the checked
 * failure would have been handled; {@link #getCause()} gives the original.
 */
public final class UncheckedAllocationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps a failed allocation.
     *
     * @param cause the checked failure; its message becomes this exception's message
     */
    public UncheckedAllocationException(AllocationException cause) {
        super(Objects.requireNonNull(cause, "cause").getMessage(), cause);
    }

    /**
     * Returns the failed allocation.
     *
     * @return the checked exception this one carries
     */
    @Override
    public synchronized AllocationException getCause() {
        return (AllocationException) super.getCause();
    }
}
