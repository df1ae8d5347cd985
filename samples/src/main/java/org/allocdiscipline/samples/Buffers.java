package org.allocdiscipline.samples;

import java.lang.foreign.MemorySegment;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.Owned;

/**
 * Reusable library code in the shape the source document recommends: it takes an allocator from
 * its caller, and the caller owns what it returns (exercise 12-6).
 */
public final class Buffers {
    private Buffers() {
    }

    /**
     * Returns a zeroed byte buffer of {@code length} bytes.
     *
     * @param allocator where the memory comes from; the caller frees the result with it
     * @param length the buffer's length
     * @return a buffer owned by the caller
     * @throws AllocationException if the allocator cannot provide it
     */
    @Owned
    public static MemorySegment makeBuffer(Allocator allocator, long length) throws AllocationException {
        MemorySegment buffer = allocator.alloc(length);
        buffer.fill((byte) 0);
        return buffer;
    }
}
