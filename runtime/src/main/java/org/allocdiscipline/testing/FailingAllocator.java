package org.allocdiscipline.testing;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.Owned;
import org.allocdiscipline.internal.Requests;

/**
 * An allocator that runs out of memory on purpose (Zig's {@code std.testing.FailingAllocator}):
 * allocation number {@code failIndex} (counting from 0) throws {@link AllocationException}, and so
 * does every allocation after it, since memory that ran out stays out. Everything else is passed
 * to the backing allocator.
 *
 * <p>What counts as an allocation: every {@code alloc} of at least one byte, and every
 * {@code realloc} that grows a segment (it may need new memory; a failed one leaves the original
 * intact, as the contract says). Zero-length allocations and shrinking or same-size
 * {@code realloc}s are not counted and never fail, because they need no memory.
 *
 * <p>The first induced failure is kept ({@link #inducedFailure()}): its stack trace is where the
 * code under test met the failure. Thread-safe.
 */
public final class FailingAllocator implements Allocator {
    private final Allocator backing;
    private final long failIndex;
    private long allocations;
    private long frees;
    private AllocationException inducedFailure;

    /**
     * Creates an allocator whose {@code failIndex}-th allocation fails.
     *
     * @param backing where the memory of the successful allocations comes from
     * @param failIndex the 0-based number of the first allocation that fails;
     *        {@link Long#MAX_VALUE} never fails and just counts
     * @throws IllegalArgumentException if {@code failIndex} is negative
     */
    public FailingAllocator(Allocator backing, long failIndex) {
        this.backing = Objects.requireNonNull(backing, "backing");
        if (failIndex < 0) {
            throw new IllegalArgumentException("failIndex must not be negative, was " + failIndex);
        }
        this.failIndex = failIndex;
    }

    @Override
    public @Owned MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException {
        Requests.check(byteSize, byteAlignment);
        if (byteSize > 0) {
            admit(byteSize, "alloc(" + byteSize + ", " + byteAlignment + ")");
        }
        return backing.alloc(byteSize, byteAlignment);
    }

    @Override
    public @Owned MemorySegment realloc(@Owned MemorySegment memory, long newByteSize) throws AllocationException {
        Requests.checkSize(newByteSize);
        if (newByteSize > memory.byteSize()) {
            admit(newByteSize, "realloc from " + memory.byteSize() + " to " + newByteSize + " bytes");
        }
        return backing.realloc(memory, newByteSize);
    }

    @Override
    public void free(@Owned MemorySegment memory) {
        backing.free(memory);
        synchronized (this) {
            frees++;
        }
    }

    /**
     * Counts the allocations that succeeded (were passed to the backing allocator).
     *
     * @return the number of successful counted allocations
     */
    public synchronized long allocations() {
        return allocations;
    }

    /**
     * Counts the calls to {@code free}, zero-length ones included.
     *
     * @return the number of frees
     */
    public synchronized long frees() {
        return frees;
    }

    /**
     * Returns the failure this allocator induced first, if it did.
     *
     * @return the exception thrown by allocation number {@code failIndex}, or null while the code
     *         has made fewer allocations than that
     */
    public synchronized AllocationException inducedFailure() {
        return inducedFailure;
    }

    /**
     * Returns the index this allocator was created with.
     *
     * @return the 0-based number of the first failing allocation
     */
    public long failIndex() {
        return failIndex;
    }

    @Override
    public String toString() {
        return "FailingAllocator[failIndex=" + failIndex + ", backing=" + backing + "]";
    }

    private synchronized void admit(long byteSize, String request) throws AllocationException {
        if (allocations < failIndex) {
            allocations++;
            return;
        }
        if (inducedFailure == null) {
            inducedFailure = new AllocationException(byteSize, "FailingAllocator: allocation #" + failIndex
                    + " (0-based) fails on purpose: " + request);
            throw inducedFailure;
        }
        throw new AllocationException(byteSize, "FailingAllocator: " + request
                + " fails too, since memory stays exhausted after the induced failure of allocation #" + failIndex);
    }
}
