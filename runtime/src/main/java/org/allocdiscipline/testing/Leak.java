package org.allocdiscipline.testing;

import java.util.List;
import java.util.Objects;

/**
 * An allocation that was still live when a {@link TestingAllocator} was asked for its leaks.
 *
 * @param byteSize the size that was requested
 * @param byteAlignment the alignment that was requested
 * @param address the address of the segment that was handed out
 * @param thread the name of the thread that allocated it
 * @param allocationTrace where it was allocated, innermost frame first, without the allocator's
 *        own frames and without the test framework's frames
 */
public record Leak(long byteSize, long byteAlignment, long address, String thread,
        List<StackTraceElement> allocationTrace) {

    /**
     * Checks the components and copies the trace.
     *
     * @param byteSize the size that was requested
     * @param byteAlignment the alignment that was requested
     * @param address the address of the segment that was handed out
     * @param thread the name of the thread that allocated it
     * @param allocationTrace where it was allocated
     */
    public Leak {
        Objects.requireNonNull(thread, "thread");
        allocationTrace = List.copyOf(allocationTrace);
    }

    /**
     * Describes the leak and where it was allocated, one frame per line.
     *
     * @return for example {@code "leak of 16 bytes (alignment 8) at 0x7f00a0, allocated on thread
     *         main:\n\tat com.example.Parser.parse(Parser.java:42)..."}
     */
    @Override
    public String toString() {
        return "leak of " + byteSize + " bytes (alignment " + byteAlignment + ") at 0x" + Long.toHexString(address)
                + ", allocated on thread " + thread + ":"
                + Traces.format(allocationTrace.toArray(StackTraceElement[]::new));
    }
}
