package org.allocdiscipline;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

import org.allocdiscipline.internal.Requests;

/**
 * A source of off-heap memory that the caller chooses, as Zig's {@code std.mem.Allocator}.
 *
 * <p><b>Ownership.</b> Every segment returned by {@code alloc} or {@code realloc} is owned by the
 * caller, who must give it back exactly once, through {@link #free} of this same allocator (or
 * hand that duty on). Segments from a {@link Region} allocator are also released when the
 * region is closed.
 *
 * <p><b>Arguments.</b> Sizes are {@code long}. A negative size, an alignment that is not a
 * positive power of two, or a {@code size × count} that overflows raises
 * {@link IllegalArgumentException}. A request that cannot be satisfied raises
 * {@link AllocationException}, never {@link OutOfMemoryError}. {@code alloc(0)} returns a
 * zero-length segment that {@code free} accepts.
 *
 * <p><b>Misuse.</b> Freeing a segment twice, through another allocator, or freeing a slice of
 * it raises {@link IllegalArgumentException} or {@link IllegalStateException} wherever the
 * allocator can tell; no misuse through this interface crashes the JVM unless the allocator was
 * created in {@link Safety#UNCHECKED} mode.
 *
 * <p><b>Threads.</b> Each implementation states whether it may be used from several threads.
 */
public interface Allocator {

    /**
     * Allocates {@code byteSize} bytes with alignment 1.
     *
     * @param byteSize the exact length of the returned segment
     * @return a new segment of exactly {@code byteSize} bytes, owned by the caller
     * @throws AllocationException if the memory cannot be provided
     * @throws IllegalArgumentException if {@code byteSize} is negative
     */
    @Owned
    default MemorySegment alloc(long byteSize) throws AllocationException {
        return alloc(byteSize, 1);
    }

    /**
     * Allocates {@code byteSize} bytes whose address is a multiple of {@code byteAlignment}.
     *
     * @param byteSize the exact length of the returned segment
     * @param byteAlignment a power of two; may exceed the page size
     * @return a new segment of exactly {@code byteSize} bytes, owned by the caller
     * @throws AllocationException if the memory cannot be provided
     * @throws IllegalArgumentException if {@code byteSize} is negative or {@code byteAlignment}
     *         is not a positive power of two
     */
    @Owned
    MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException;

    /**
     * Allocates room for {@code count} elements of {@code elementLayout}, aligned as the layout
     * requires (Zig's {@code alloc(T, n)}).
     *
     * @param elementLayout the layout of one element
     * @param count the number of elements
     * @return a new segment of {@code elementLayout.byteSize() * count} bytes, owned by the caller
     * @throws AllocationException if the memory cannot be provided
     * @throws IllegalArgumentException if {@code count} is negative or the size overflows a {@code long}
     */
    @Owned
    default MemorySegment alloc(MemoryLayout elementLayout, long count) throws AllocationException {
        return alloc(Requests.arraySize(elementLayout, count), elementLayout.byteAlignment());
    }

    /**
     * Changes the size of an allocation, keeping its contents up to the smaller of both sizes and
     * at least its original alignment. The allocation may grow or shrink in place or move.
     *
     * <p>On success {@code memory} is consumed: it must not be used or freed again (allocators that
     * can detect it make it unusable). On failure the original allocation stays alive and intact,
     * and the caller still owns it.
     *
     * @param memory a segment exactly as this allocator returned it
     * @param newByteSize the new exact length
     * @return the resized allocation, owned by the caller
     * @throws AllocationException if the larger size cannot be provided; {@code memory} is unchanged
     * @throws IllegalArgumentException if {@code newByteSize} is negative, or {@code memory} was
     *         not returned by this allocator or is a slice of such a segment
     * @throws IllegalStateException if {@code memory} was already freed or the allocator is closed
     */
    @Owned
    MemorySegment realloc(@Owned MemorySegment memory, long newByteSize) throws AllocationException;

    /**
     * Gives an allocation back. Zero-length segments are accepted and ignored.
     *
     * @param memory a segment exactly as this allocator's {@code alloc} or {@code realloc}
     *        returned it
     * @throws IllegalArgumentException if {@code memory} was not returned by this allocator or is
     *         a slice of such a segment
     * @throws IllegalStateException if {@code memory} was already freed or the allocator is closed
     */
    void free(@Owned MemorySegment memory);

    /**
     * Allocates a copy of {@code source} (Zig's {@code dupe}).
     *
     * @param source the bytes to copy; not consumed
     * @return a new segment of {@code source.byteSize()} bytes holding a copy, owned by the caller
     * @throws AllocationException if the memory cannot be provided
     */
    @Owned
    default MemorySegment dupe(MemorySegment source) throws AllocationException {
        MemorySegment copy = alloc(source.byteSize(), 1);
        MemorySegment.copy(source, 0, copy, 0, source.byteSize());
        return copy;
    }

    /**
     * This allocator as a {@link SegmentAllocator}, for FFM code that takes one: C strings and
     * arrays ({@code allocateFrom("text")}, {@code allocateFrom(JAVA_INT, 1, 2, 3)}), structs
     * returned by value from a downcall, and any library written against the JDK's interface.
     * Each {@code allocate(byteSize, byteAlignment)} is {@link #alloc(long, long)}.
     *
     * <pre>{@code
     * try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
     *     MemorySegment name = arena.asSegmentAllocator().allocateFrom("config.toml");
     *     long length = (long) strlen.invokeExact(name);
     * }
     * }</pre>
     *
     * <p><b>Ownership.</b> What the view hands out is owned by the caller exactly as if
     * {@code alloc} had returned it: free it through this allocator, or let a {@link Region}
     * allocator's {@code close()} release it. The view suits regions best, since FFM code written
     * against {@code SegmentAllocator} frees nothing. The compile-time checker treats the view as
     * this allocator: it holds the caller to freeing what the view hands out (unless this is a
     * region), but does not follow the view into code that takes a {@code SegmentAllocator}.
     *
     * <p><b>Failures.</b> A {@code SegmentAllocator} cannot throw a checked exception, so a failed
     * allocation raises {@link UncheckedAllocationException}, whose cause is the
     * {@link AllocationException}. Bad arguments raise {@link IllegalArgumentException}, as from
     * {@code alloc}. The view is as thread-safe as this allocator.
     *
     * @return a view that allocates from this allocator; it holds no memory of its own
     */
    default SegmentAllocator asSegmentAllocator() {
        return (byteSize, byteAlignment) -> {
            try {
                return alloc(byteSize, byteAlignment);
            } catch (AllocationException failed) {
                throw new UncheckedAllocationException(failed);
            }
        };
    }
}
