package org.allocdiscipline.internal;

import java.lang.foreign.MemorySegment;

/**
 * Bump allocation inside one segment, remembering the most recent allocation so that it alone
 * can be freed or resized in place. Zig's arena and fixed-buffer allocators take whatever ends at
 * the top for it; here a segment is that allocation only if it has both its start and its size, so
 * a slice of it, or a stale segment that happens to end at the top, is not, and freeing it changes
 * nothing. Once it is freed, no allocation is the most recent one until the next is made. Not
 * thread-safe. Not API.
 *
 * <p>The static methods are that arithmetic over a space, a top and a last start that the caller
 * keeps: the arena keeps them in fields of its own, so that its fast path reads and writes them
 * straight in the arena (see {@code ArenaAllocator.alloc}). An instance keeps them for an allocator
 * with one space for life, the fixed buffer.
 */
public final class Bump implements BumpRealloc.InPlace {
    /** The last start of a space that has no most recent allocation (none yet, or it was freed). */
    public static final long NONE = -1;

    // The space's address and size are read from the segment itself, not kept in fields of their own:
    // the slice reads the same fields, so the compiled fast path loads each value once and keeps fewer
    // of them live across the slice's allocation.
    private final MemorySegment space;
    private long top;
    /** The offset of the most recent allocation, or {@link #NONE}; it ends at {@link #top}. */
    private long lastStart = NONE;
    private final OverAlignments overAligned = new OverAlignments();

    /**
     * Creates a bump allocator over {@code space}.
     *
     * @param space the memory to hand out slices of; its scope is theirs
     */
    public Bump(MemorySegment space) {
        this.space = space;
    }

    /**
     * The memory this space hands out slices of. Each allocator slices it in its own code
     * ({@code segment().asSlice(start, byteSize)}), so that the call site's type profile is that
     * allocator's alone: a fixed buffer over a heap array elsewhere in the program cannot make the
     * arena's call site polymorphic, which would keep the JIT from inlining it and from removing the
     * slice when it does not escape.
     *
     * @return the space
     */
    public MemorySegment segment() {
        return space;
    }

    /**
     * The segment that a zero-length allocation is sliced from, at the offset of its alignment:
     * {@code emptyBase().asSlice(alignment, 0)} equals {@link Requests#empty Requests.empty(alignment)}.
     * An allocator that makes its empty segments so, and its other segments by slicing its space,
     * returns the segment of one {@code asSlice} call site on every path. The JIT can remove an
     * object made on one path only when it does not merge with another (a {@code null}, or the
     * result of a call that was not inlined, such as a slow path's), so a single site is what keeps
     * the fast path's segment removable whatever the slow paths do.
     *
     * @return a zero-based native segment of global scope that spans every address
     */
    public static MemorySegment emptyBase() {
        return EmptyBase.SEGMENT;
    }

    /** Made on first use: the reinterpret is a restricted method, called only when a zero-length allocation is. */
    private static final class EmptyBase {
        static final MemorySegment SEGMENT = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    }

    /**
     * Reserves room for an allocation and returns its offset in the space, or {@code -1} when it
     * does not fit. No segment is made here: the caller slices the space at the offset, after its
     * paths have merged (see {@link #emptyBase()}), never a segment or {@code null} returned from
     * here that the JIT would have to merge with its other results.
     *
     * @param byteSize checked size, greater than zero
     * @param byteAlignment checked alignment
     * @return the offset of the reserved bytes, or {@code -1}
     */
    public long tryBump(long byteSize, long byteAlignment) {
        long start = alignedTop(byteAlignment);
        if (!fits(start, byteSize)) {
            return NONE;
        }
        take(start, byteSize, byteAlignment);
        return start;
    }

    // The instance forms keep tryBump's bytecode within the size that the JIT inlines at any call site.
    private long alignedTop(long byteAlignment) {
        return alignedTop(space, top, byteAlignment);
    }

    private boolean fits(long start, long byteSize) {
        return fits(space, start, byteSize);
    }

    /** Apart from {@link #tryBump}, for the same reason. */
    private void take(long start, long byteSize, long byteAlignment) {
        lastStart = start;
        top = start + byteSize;
        if (byteAlignment > OverAlignments.UNRECORDED) {
            recordAlignment(start, byteAlignment);
        }
    }

    /** Out of line, so that {@link #take} stays within the size that the JIT inlines at any call site. */
    private void recordAlignment(long start, long byteAlignment) {
        overAligned.record(space.address() + start, byteAlignment);
    }

    /**
     * The offset at which the next allocation of this alignment would start in {@code space}: the
     * top, rounded up. A hot loop usually asks for sizes that keep the top aligned, so the rounding is
     * a branch that is not taken rather than arithmetic on every allocation: the next allocation's
     * start then depends on the previous one through a single addition, which is what bounds a loop
     * of allocations whose bookkeeping stays in memory.
     *
     * @param space the memory allocated from
     * @param top the offset of the first free byte
     * @param byteAlignment checked alignment
     * @return the offset of the first suitably aligned byte at or above the top
     */
    public static long alignedTop(MemorySegment space, long top, long byteAlignment) {
        long start = top;
        long misalignment = (space.address() + start) & (byteAlignment - 1);
        if (misalignment != 0) {
            start += byteAlignment - misalignment;
        }
        return start;
    }

    /**
     * Whether {@code byteSize} bytes fit at {@code start} in {@code space}. Addresses stay far below
     * 2^62, so the aligned start cannot overflow, and neither can the last start that fits plus one.
     * The test is written as the one {@code space.asSlice(start, byteSize)} makes ({@code
     * checkIndex(start, byteSize() - byteSize + 1)}): the JIT then drops the slice's own test of the
     * sign of that bound, which the fast path of an allocator has just made.
     *
     * @param space the memory allocated from
     * @param start an offset from {@link #alignedTop}
     * @param byteSize checked size
     * @return whether the allocation fits in the space
     */
    public static boolean fits(MemorySegment space, long start, long byteSize) {
        long ends = space.byteSize() - byteSize + 1;
        return ends >= 0 && Long.compareUnsigned(start, ends) < 0;
    }

    /**
     * Whether {@code segment} is exactly the most recent allocation of {@code space}: it starts at
     * {@code lastStart} and ends at the top. A slice of it, or a segment that merely ends at the top,
     * is not.
     *
     * @param space the memory allocated from
     * @param top the offset of the first free byte
     * @param lastStart the offset of the most recent allocation, or {@link #NONE}
     * @param segment a segment known to come from this space's allocator
     * @return whether it is the most recent allocation, whole
     */
    public static boolean isLast(MemorySegment space, long top, long lastStart, MemorySegment segment) {
        return lastStart != NONE && segment.address() == space.address() + lastStart
                && segment.byteSize() == top - lastStart;
    }

    /**
     * Rewinds over {@code segment} if it is the most recent allocation; otherwise does nothing.
     * The allocation before it does not become the most recent one.
     *
     * @param segment a segment known to come from this space
     */
    public void freeIfLast(MemorySegment segment) {
        if (isLast(space, top, lastStart, segment)) {
            top = lastStart;
            lastStart = NONE;
            overAligned.forget(segment.address());
        }
    }

    /**
     * Resizes the most recent allocation in place if it is {@code segment} and the new size fits.
     *
     * @param segment a segment known to come from this space
     * @param newByteSize the new size
     * @return the resized slice, or {@code null}
     */
    @Override
    public MemorySegment tryResizeLast(MemorySegment segment, long newByteSize) {
        if (!isLast(space, top, lastStart, segment) || newByteSize > space.byteSize() - lastStart) {
            return null;
        }
        top = lastStart + newByteSize;
        return space.asSlice(lastStart, newByteSize);
    }

    /**
     * Whether {@code segment} lies inside this space.
     *
     * @param segment any segment
     * @return whether its bytes are within the space
     */
    public boolean contains(MemorySegment segment) {
        long offset = segment.address() - space.address();
        return offset >= 0 && offset + segment.byteSize() <= space.byteSize();
    }

    /**
     * The alignment an allocation of this space was made with, at least.
     *
     * @param segment a segment known to come from this space
     * @return the alignment a moved copy must keep
     */
    public long alignmentOf(MemorySegment segment) {
        return overAligned.alignmentOf(segment.address());
    }

    /** Forgets every allocation. */
    public void reset() {
        top = 0;
        lastStart = NONE;
        overAligned.clear();
    }

    /** @return bytes used, including alignment padding */
    public long used() {
        return top;
    }

    /** @return total bytes of the space */
    public long capacity() {
        return space.byteSize();
    }
}
