package org.allocdiscipline;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.allocdiscipline.internal.Bump;
import org.allocdiscipline.internal.BumpRealloc;
import org.allocdiscipline.internal.Lifetime;
import org.allocdiscipline.internal.Underneath;
import org.allocdiscipline.internal.Requests;

/**
 * Bump allocation inside a segment that the caller provides, as Zig's
 * {@code std.heap.FixedBufferAllocator}: no system calls, and a request that does not fit fails
 * with {@link AllocationException}.
 *
 * <p><b>Ownership.</b> The buffer stays the caller's: this allocator never frees it, and the
 * caller keeps it alive until the allocator is closed. If a buffer that one of this library's
 * allocators made (in a checked mode) is released first anyway, this allocator is closed with it:
 * its segments become unusable instead of pointing at released memory (for a
 * {@link Safety#THREAD_CONFINED} allocator, the release is refused on other threads). A buffer of a
 * JDK arena or another source must outlive the allocator: its release cannot be seen. The allocator itself is owned and must
 * be closed. Segments it hands out need no free of their own; {@link #free} rewinds only the most
 * recent allocation.
 *
 * <p><b>Safety.</b> For a native buffer in {@link Safety#SHARED} mode (the default),
 * {@link #close()} makes every segment handed out unusable (one JVM thread handshake). Segments of
 * a heap buffer ({@code MemorySegment.ofArray}) cannot be re-scoped and stay valid after close:
 * they never point at freed memory. {@link #reset()} rewinds without invalidating. Freeing a
 * segment of another allocator throws {@link IllegalArgumentException}.
 *
 * <p><b>Threads.</b> Not thread-safe.
 */
@Owned
@Region
public final class FixedBufferAllocator implements Allocator, AutoCloseable {
    private final MemorySegment buffer;
    private final Lifetime lifetime;
    private final Bump bump;
    /** The lifetime of the buffer, when one of this library's allocators made it; null otherwise. */
    private final Underneath underneath;
    private boolean closed;
    private boolean releasedUnderneath;

    /**
     * Creates an allocator over {@code buffer} in {@link Safety#SHARED} mode.
     *
     * @param buffer writable memory to allocate from; still owned by the caller
     * @throws IllegalArgumentException if {@code buffer} is read-only
     */
    public FixedBufferAllocator(MemorySegment buffer) {
        this(buffer, Safety.SHARED);
    }

    /**
     * Creates an allocator over {@code buffer} in the given safety mode.
     *
     * @param buffer writable memory to allocate from; still owned by the caller
     * @param safety how segments are invalidated at close
     * @throws IllegalArgumentException if {@code buffer} is read-only
     */
    public FixedBufferAllocator(MemorySegment buffer, Safety safety) {
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(safety, "safety");
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("the buffer of a FixedBufferAllocator must be writable");
        }
        this.buffer = buffer;
        this.lifetime = buffer.isNative() && safety != Safety.UNCHECKED ? Lifetime.open(safety) : null;
        this.bump = new Bump(lifetime == null ? buffer : lifetime.rescope(buffer));
        this.underneath = lifetime == null ? null : new Underneath(new BuiltOnBuffer());
        if (underneath != null) {
            underneath.took(buffer);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws AllocationException if the request does not fit in what is left of the buffer
     * @throws IllegalStateException if the allocator is closed
     */
    @Override
    public @Owned MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException {
        // As the arena's: a fast path that a hot caller inlines whole, every path ending in the one
        // asSlice (see Bump.emptyBase), so that the JIT removes the segment where it does not escape;
        // the exception is built out of line.
        Requests.check(byteSize, byteAlignment);
        ensureOpen();
        MemorySegment base;
        long start;
        if (byteSize == 0) {
            base = Bump.emptyBase();
            start = byteAlignment;
        } else {
            start = bump.tryBump(byteSize, byteAlignment);
            if (start < 0) {
                throw exhausted(byteSize, byteAlignment);
            }
            base = bump.segment();
        }
        return base.asSlice(start, byteSize);
    }

    private AllocationException exhausted(long byteSize, long byteAlignment) {
        return new AllocationException(byteSize, "fixed buffer exhausted: " + byteSize + " bytes at alignment "
                + byteAlignment + " do not fit in the " + (bump.capacity() - bump.used()) + " of "
                + bump.capacity() + " bytes left");
    }

    /**
     * {@inheritDoc}
     *
     * <p>The most recent allocation grows or shrinks in place while the buffer has room.
     */
    @Override
    public @Owned MemorySegment realloc(@Owned MemorySegment memory, long newByteSize) throws AllocationException {
        Requests.checkSize(newByteSize);
        ensureOpen();
        if (memory.byteSize() == 0) {
            return alloc(newByteSize, Requests.alignmentOfEmpty(memory));
        }
        requireOwned(memory);
        return BumpRealloc.realloc(this, bump, bump.alignmentOf(memory), memory, newByteSize);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Rewinds if {@code memory} is the most recent allocation; otherwise does nothing.
     */
    @Override
    public void free(@Owned MemorySegment memory) {
        if (memory.byteSize() == 0) {
            return;
        }
        ensureOpen();
        requireOwned(memory);
        bump.freeIfLast(memory);
    }

    private void requireOwned(MemorySegment memory) {
        boolean ours;
        if (lifetime != null) {
            ours = lifetime.owns(memory);
        } else if (buffer.isNative()) {
            ours = memory.isNative() && bump.contains(memory);
        } else {
            ours = memory.heapBase().isPresent() && memory.heapBase().get() == buffer.heapBase().orElseThrow()
                    && bump.contains(memory);
        }
        if (!ours) {
            throw new IllegalArgumentException("foreign free: the segment at 0x" + Long.toHexString(memory.address())
                    + " (" + memory.byteSize() + " bytes) was not allocated by this FixedBufferAllocator");
        }
    }

    /** Rewinds to the start of the buffer. Segments handed out before stay valid but will be overwritten. */
    public void reset() {
        ensureOpen();
        bump.reset();
    }

    /**
     * Returns how many bytes of the buffer are in use, alignment padding included.
     *
     * @return bytes used
     */
    public long used() {
        return bump.used();
    }

    /**
     * Returns the size of the buffer.
     *
     * @return buffer bytes
     */
    public long capacity() {
        return bump.capacity();
    }

    /**
     * Makes every segment handed out from a native buffer unusable (unless
     * {@link Safety#UNCHECKED}). The buffer itself is not freed. Closing twice does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (lifetime != null) {
            lifetime.close();
            underneath.letGo();
        }
        closed = true;
    }

    private void ensureOpen() {
        if (releasedUnderneath) {
            throw new IllegalStateException("this FixedBufferAllocator is closed: the allocator its buffer came from"
                    + " released the buffer first (close allocators built on memory before that memory goes)");
        }
        if (closed) {
            throw new IllegalStateException("this FixedBufferAllocator is closed");
        }
    }

    /** Closes this allocator when the allocator the buffer came from releases the buffer first. */
    private final class BuiltOnBuffer implements Lifetime.Dependent {
        @Override
        public boolean releasableHere() {
            return closed || lifetime.closableHere();
        }

        @Override
        public void releaseUnderneath() {
            if (!closed) {
                lifetime.close();
                closed = true;
                releasedUnderneath = true;
            }
            underneath.letGo();
        }

        @Override
        public String toString() {
            return FixedBufferAllocator.this.toString();
        }
    }

    @Override
    public String toString() {
        return "FixedBufferAllocator[" + bump.used() + " of " + bump.capacity() + " bytes used]";
    }
}
