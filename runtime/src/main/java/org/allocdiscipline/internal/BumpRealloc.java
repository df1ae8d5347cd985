package org.allocdiscipline.internal;

import java.lang.foreign.MemorySegment;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;

/**
 * {@code realloc} as every bump allocator does it, once its owner has checked the arguments and
 * that the segment is its own. Not API.
 */
public final class BumpRealloc {
    private BumpRealloc() {
    }

    /** What a bump allocator resizes in place: its most recent allocation. */
    public interface InPlace {
        /**
         * Resizes {@code memory} in place if it is the most recent allocation and the new size fits.
         *
         * @param memory a non-empty segment of the allocator
         * @param newByteSize the new size, greater than zero
         * @return the resized slice, or {@code null}
         */
        MemorySegment tryResizeLast(MemorySegment memory, long newByteSize);
    }

    /**
     * Resizes {@code memory}: in place if it is the most recent allocation and fits, in place if it
     * shrinks, otherwise by a new allocation of {@code owner} and a copy.
     *
     * @param owner the allocator that handed {@code memory} out
     * @param last the owner's space that holds its most recent allocation
     * @param alignment the alignment {@code memory} was allocated with (at least)
     * @param memory a non-empty segment of {@code owner}
     * @param newByteSize the new size, checked
     * @return the resized allocation
     * @throws AllocationException if a larger size cannot be provided; {@code memory} is unchanged
     */
    public static MemorySegment realloc(Allocator owner, InPlace last, long alignment, MemorySegment memory,
            long newByteSize) throws AllocationException {
        if (newByteSize == 0) {
            // A zero-length slice would carry this address, which realloc later reads as an alignment.
            owner.free(memory);
            return Requests.empty(alignment);
        }
        MemorySegment resized = last.tryResizeLast(memory, newByteSize);
        if (resized != null) {
            return resized;
        }
        if (newByteSize <= memory.byteSize()) {
            return memory.asSlice(0, newByteSize);
        }
        MemorySegment moved = owner.alloc(newByteSize, alignment);
        MemorySegment.copy(memory, 0, moved, 0, memory.byteSize());
        return moved;
    }
}
