package org.allocdiscipline.internal;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;

/** Validation and arithmetic shared by every allocator. Not API. */
public final class Requests {
    private static final long HEAP_ALIGNMENT = 16;

    private Requests() {
    }

    /**
     * Checks a size and an alignment as every {@code alloc} must.
     *
     * @param byteSize requested size
     * @param byteAlignment requested alignment
     */
    public static void check(long byteSize, long byteAlignment) {
        checkSize(byteSize);
        if (byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            throw new IllegalArgumentException("alignment must be a positive power of two, was " + byteAlignment);
        }
    }

    /**
     * Checks that a size is not negative.
     *
     * @param byteSize requested size
     */
    public static void checkSize(long byteSize) {
        if (byteSize < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + byteSize);
        }
    }

    /**
     * Returns {@code layout.byteSize() * count}, rejecting negative counts and overflow.
     *
     * @param layout element layout
     * @param count number of elements
     * @return total size in bytes
     */
    public static long arraySize(MemoryLayout layout, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("element count must not be negative, was " + count);
        }
        try {
            return Math.multiplyExact(layout.byteSize(), count);
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException(
                    "size overflow: " + count + " elements of " + layout.byteSize() + " bytes exceed a long", overflow);
        }
    }

    /**
     * Rounds {@code value} up to a multiple of the power of two {@code alignment}.
     *
     * @param value value to round
     * @param alignment power of two
     * @return the rounded value, or a negative number on overflow
     */
    public static long alignUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }

    /** Alignments above this are recorded by allocators that do not otherwise remember alignments. */
    public static final long IMPLIED_ALIGNMENT_LIMIT = 4096;

    /**
     * The largest power of two up to {@link #IMPLIED_ALIGNMENT_LIMIT} that divides {@code address}:
     * at least the alignment the allocation at that address was asked for, if that was not above
     * the limit, so a {@code realloc} that moves keeps it.
     *
     * @param address a segment address
     * @return an alignment that the address satisfies
     */
    public static long naturalAlignment(long address) {
        long lowest = Long.lowestOneBit(address);
        // offset 0 of a heap segment: heap memory has no address alignment to keep
        return lowest == 0 ? HEAP_ALIGNMENT : Math.min(lowest, IMPLIED_ALIGNMENT_LIMIT);
    }

    /**
     * A zero-length segment whose address is {@code alignment}, so that it satisfies that
     * alignment and remembers it (as Zig's zero-length slices do).
     *
     * @param alignment the requested alignment
     * @return a zero-length segment
     */
    public static MemorySegment empty(long alignment) {
        return MemorySegment.ofAddress(alignment);
    }

    /**
     * The alignment a zero-length segment from {@link #empty} was made for.
     *
     * @param empty a zero-length segment
     * @return its alignment
     */
    public static long alignmentOfEmpty(MemorySegment empty) {
        long lowest = Long.lowestOneBit(empty.address());
        return lowest == 0 ? 1 : lowest;
    }
}
