package org.allocdiscipline.internal;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;

/** Validation and arithmetic shared by every allocator. Not API. */
public final class Requests {
    /** The largest alignment that {@link #naturalAlignment} reports for an address. */
    public static final long MAX_NATURAL_ALIGNMENT = 4096;

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

    /**
     * The largest power of two (up to {@link #MAX_NATURAL_ALIGNMENT}) that divides {@code address}:
     * an alignment the allocation at that address certainly had, kept by {@code realloc}.
     *
     * @param address a segment address
     * @return an alignment that the address satisfies
     */
    public static long naturalAlignment(long address) {
        long lowest = Long.lowestOneBit(address);
        return lowest == 0 || lowest > MAX_NATURAL_ALIGNMENT ? MAX_NATURAL_ALIGNMENT : lowest;
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
}
