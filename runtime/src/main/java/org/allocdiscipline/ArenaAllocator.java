package org.allocdiscipline;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.allocdiscipline.internal.Bump;
import org.allocdiscipline.internal.BumpRealloc;
import org.allocdiscipline.internal.Lifetime;
import org.allocdiscipline.internal.OverAlignments;
import org.allocdiscipline.internal.Underneath;
import org.allocdiscipline.internal.Requests;

/**
 * Serves many small allocations from large chunks of a child allocator and frees them all at
 * once, as Zig's {@code std.heap.ArenaAllocator}. Allocation is a pointer bump; {@link #close()}
 * gives every chunk back to the child.
 *
 * <pre>{@code
 * try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
 *     MemorySegment a = arena.alloc(8);
 *     MemorySegment b = arena.alloc(ValueLayout.JAVA_LONG, 100);
 *     // no free needed: close() releases both
 * }
 * }</pre>
 *
 * <p><b>Ownership.</b> The arena itself is owned and must be closed. Segments it hands out need
 * no free of their own; {@link #free} rewinds only the most recent allocation and ignores others.
 * Chunks grow geometrically (each at least twice the previous one) and are freed through the child.
 *
 * <p><b>Safety.</b> In {@link Safety#SHARED} mode (the default), {@link #close()} and
 * {@link #reset(ResetMode)} make every segment handed out so far unusable: later accesses throw
 * {@link IllegalStateException}. That costs one JVM thread handshake per close or reset, not per
 * allocation. A segment freed individually stays readable until then (stale data, no crash).
 * Freeing a segment of another allocator throws {@link IllegalArgumentException}. The child
 * stays open until this arena is closed (try-with-resources closes in the right order); if the
 * child releases the chunks' memory first anyway (it is closed or reset), this arena is closed
 * with it and its segments become unusable (for a {@link Safety#THREAD_CONFINED} arena, the
 * child's release is refused on other threads).
 *
 * <p><b>Threads.</b> Not thread-safe: use one arena per thread, or synchronize. In
 * {@link Safety#THREAD_CONFINED} mode its segments are usable only by the thread that created
 * the arena.
 *
 * <p><b>Speed.</b> {@link #alloc(long, long)} is a pointer bump that C2 inlines into a hot caller;
 * a segment that the caller neither stores, nor returns, nor passes to a method that is not
 * inlined costs no object at all (scalar replacement), in every safety mode. The README's
 * benchmark section lists what the JIT needs for that and what defeats it.
 */
@Owned
@Region
public final class ArenaAllocator implements Allocator, AutoCloseable {
    private static final long FIRST_CHUNK = 4096;
    private static final long CHUNK_ALIGNMENT = 16;
    /** The space of an arena that has no chunk: it has no room, so the fast path needs no null check. */
    private static final MemorySegment NO_ROOM = MemorySegment.NULL;

    private final Allocator child;
    private final Safety safety;
    private final List<MemorySegment> chunks = new ArrayList<>();
    private Lifetime lifetime;
    // The current chunk (as this arena's lifetime sees it) and its top are fields of the arena itself,
    // not of an object per chunk: a hot loop whose compiled code keeps the growth call reloads what it
    // allocates from after every allocation (the call may have changed it), and each object on the way
    // is one more load per allocation, which is what such a loop runs out of first.
    private MemorySegment space = NO_ROOM;
    /** The offset in {@link #space} of its first free byte. */
    private long top;
    /**
     * The offset in {@link #space} of the most recent allocation, which ends at {@link #top}, or
     * {@link Bump#NONE} once it is freed (or before any). Next to the top, so the fast path stores it
     * into the object it already writes.
     */
    private long lastStart = Bump.NONE;
    private final OverAlignments overAligned = new OverAlignments();
    private long nextChunkSize = FIRST_CHUNK;
    private final Underneath underneath = new Underneath(new BuiltOnChild());
    private boolean closed;
    /** Set when the child released the chunks' memory before this arena was closed. */
    private boolean releasedUnderneath;

    /**
     * Creates an arena in {@link Safety#SHARED} mode over {@code child}, which supplies its chunks.
     *
     * @param child the allocator that chunks come from and go back to; not owned by the arena
     */
    public ArenaAllocator(Allocator child) {
        this(child, Safety.SHARED);
    }

    /**
     * Creates an arena over {@code child} in the given safety mode.
     *
     * @param child the allocator that chunks come from and go back to; not owned by the arena
     * @param safety how segments are invalidated at close and reset
     */
    public ArenaAllocator(Allocator child, Safety safety) {
        this.child = Objects.requireNonNull(child, "child");
        this.safety = Objects.requireNonNull(safety, "safety");
    }

    /**
     * Creates an arena over {@code child} whose first chunk, of at least {@code initialCapacity}
     * bytes, is allocated now. Allocations that fit in it never ask the child for more, and never
     * run the arena's growth: a hot loop whose arena holds all it allocates compiles without the
     * growth call, as long as no arena of the program has had to grow in {@link #alloc} (the JIT's
     * branch profile of {@code alloc} is shared by every arena). The README's benchmark section
     * says what that is worth.
     *
     * @param child the allocator that chunks come from and go back to; not owned by the arena
     * @param safety how segments are invalidated at close and reset
     * @param initialCapacity the least size of the first chunk, in bytes; {@code 0} allocates nothing now
     * @throws AllocationException if the child cannot supply the first chunk (nothing is held then)
     * @throws IllegalArgumentException if {@code initialCapacity} is negative
     */
    public ArenaAllocator(Allocator child, Safety safety, long initialCapacity) throws AllocationException {
        this(child, safety);
        Requests.checkSize(initialCapacity);
        if (initialCapacity > 0) {
            addChunk(initialCapacity, CHUNK_ALIGNMENT);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws AllocationException if the child cannot supply a new chunk
     * @throws IllegalStateException if the arena is closed
     */
    @Override
    public @Owned MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException {
        // The fast path is small enough for a hot caller to inline whole, and every path ends in the one
        // asSlice below, so no other object merges with the segment: where the segment does not escape,
        // the JIT removes it (scalar replacement) and only the bump remains. An arena without a chunk (new,
        // reset or closed) has NO_ROOM, so the fast path needs no null check. Everything else, every
        // exception and the growth, is out of line. The growth goes back to the top of the loop rather than
        // reserving in the new chunk and merging with the fast path after it: then only the fast path's
        // own values reach asSlice, and the JIT folds the slice's class check and the sign test of its
        // bound into the fast path's. The growth call stays in a caller's compiled loop either way, once
        // any arena has grown here; the fast path then reads the chunk and the top from this arena's own
        // fields and stores the top and the start of the allocation (so that free and realloc know the
        // most recent allocation exactly) next to them.
        MemorySegment base;
        long start;
        while (true) {
            base = space;
            if (byteSize > 0 && byteAlignment > 0 && (byteAlignment & (byteAlignment - 1)) == 0) {
                start = alignedTop(base, byteAlignment);
                if (Bump.fits(base, start, byteSize)) {
                    lastStart = start;
                    top = start + byteSize;
                    if (byteAlignment > OverAlignments.UNRECORDED) {
                        overAligned.record(base.address() + start, byteAlignment);
                    }
                    break;
                }
            }
            if (byteSize == 0) {
                checkEmptyRequest(byteAlignment);
                base = Bump.emptyBase();
                start = byteAlignment;
                break;
            }
            addChunkFor(byteSize, byteAlignment);
        }
        return base.asSlice(start, byteSize);
    }

    /**
     * The offset of the first byte at or above the top that has the alignment. Every space of the arena
     * starts at a multiple of {@link #CHUNK_ALIGNMENT} (see {@link #spaceOf}), so for an alignment up to
     * that (what most requests ask for) the top alone says whether the start is aligned. A hot loop that
     * C2 unrolls runs short of registers, and this test keeps no sum of the space's address and each
     * unrolled step's offset in one.
     */
    private long alignedTop(MemorySegment base, long byteAlignment) {
        if (byteAlignment > CHUNK_ALIGNMENT) {
            return Bump.alignedTop(base, top, byteAlignment);
        }
        long start = top;
        long misalignment = start & (byteAlignment - 1);
        if (misalignment != 0) {
            start += byteAlignment - misalignment;
        }
        return start;
    }

    private void checkEmptyRequest(long byteAlignment) {
        Requests.check(0, byteAlignment);
        ensureOpen();
    }

    /** Checks the request and makes a chunk that holds it the current one. */
    private void addChunkFor(long byteSize, long byteAlignment) throws AllocationException {
        Requests.check(byteSize, byteAlignment);
        ensureOpen();
        addChunk(byteSize, byteAlignment);
        if (!Bump.fits(space, alignedTop(space, byteAlignment), byteSize)) {
            // alloc would otherwise ask for chunks forever
            throw new IllegalStateException("the child " + child + " returned a chunk that does not hold " + byteSize
                    + " bytes at alignment " + byteAlignment);
        }
    }

    /** Makes a chunk of at least {@code minSize} bytes at {@code alignment} (or 16) the current one. */
    private void addChunk(long minSize, long alignment) throws AllocationException {
        long chunkSize = Math.max(nextChunkSize, minSize);
        MemorySegment chunk = child.alloc(chunkSize, Math.max(alignment, CHUNK_ALIGNMENT));
        underneath.took(chunk);
        chunks.add(chunk);
        space = spaceOf(chunk);
        top = 0;
        lastStart = Bump.NONE;
        nextChunkSize = chunkSize > Long.MAX_VALUE / 2 ? chunkSize : chunkSize * 2;
    }

    /**
     * What the arena allocates from in {@code chunk}: the chunk as this arena's lifetime sees it, from its
     * first byte at a multiple of {@link #CHUNK_ALIGNMENT}. The child is asked for that alignment, so
     * only a child that does not keep its contract leaves bytes out; {@link #alignedTop} relies on it.
     */
    private MemorySegment spaceOf(MemorySegment chunk) {
        MemorySegment view = view(chunk);
        long padding = -view.address() & (CHUNK_ALIGNMENT - 1);
        return padding == 0 ? view : view.asSlice(Math.min(padding, view.byteSize()));
    }

    /** The arena has no chunk to allocate from: the next allocation grows it. */
    private void noSpace() {
        space = NO_ROOM;
        top = 0;
        lastStart = Bump.NONE;
        overAligned.clear();
    }

    private MemorySegment view(MemorySegment chunk) {
        if (safety == Safety.UNCHECKED) {
            return chunk;
        }
        if (lifetime == null) {
            lifetime = Lifetime.open(safety);
        }
        return lifetime.rescope(chunk);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The most recent allocation grows or shrinks in place while its chunk has room; another
     * allocation shrinks in place, or moves to a new allocation when it grows.
     */
    @Override
    public @Owned MemorySegment realloc(@Owned MemorySegment memory, long newByteSize) throws AllocationException {
        Requests.checkSize(newByteSize);
        ensureOpen();
        if (memory.byteSize() == 0) {
            return alloc(newByteSize, Requests.alignmentOfEmpty(memory));
        }
        requireOwned(memory);
        return BumpRealloc.realloc(this, this::tryResizeLast, overAligned.alignmentOf(memory.address()), memory,
                newByteSize);
    }

    private MemorySegment tryResizeLast(MemorySegment memory, long newByteSize) {
        if (!Bump.isLast(space, top, lastStart, memory) || newByteSize > space.byteSize() - lastStart) {
            return null;
        }
        top = lastStart + newByteSize;
        return space.asSlice(lastStart, newByteSize);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Rewinds the arena if {@code memory} is its most recent allocation (its start and its size:
     * a slice of it is not); other segments are released only when the arena is reset or closed.
     */
    @Override
    public void free(@Owned MemorySegment memory) {
        if (memory.byteSize() == 0) {
            return;
        }
        ensureOpen();
        requireOwned(memory);
        if (Bump.isLast(space, top, lastStart, memory)) {
            top = lastStart;
            lastStart = Bump.NONE;
            overAligned.forget(memory.address());
        }
    }

    private void requireOwned(MemorySegment memory) {
        boolean ours = !chunks.isEmpty() && (safety == Safety.UNCHECKED ? inSomeChunk(memory) : lifetime.owns(memory));
        if (!ours) {
            throw new IllegalArgumentException("foreign free: the segment at 0x" + Long.toHexString(memory.address())
                    + " (" + memory.byteSize() + " bytes) was not allocated by this arena"
                    + (memory.scope().isAlive() ? "" : " (or belongs to a previous reset of it)"));
        }
    }

    private boolean inSomeChunk(MemorySegment memory) {
        for (MemorySegment chunk : chunks) {
            long offset = memory.address() - chunk.address();
            if (offset >= 0 && offset + memory.byteSize() <= chunk.byteSize()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Releases every allocation at once, keeping as much of the chunk memory as {@code mode} says
     * (Zig's {@code reset}).
     *
     * <p>When chunk memory goes back to the child (or is resized), every segment handed out before
     * becomes unusable (unless {@link Safety#UNCHECKED}); that costs one JVM thread handshake in
     * {@link Safety#SHARED} mode. When the arena already consists of exactly the one chunk it keeps
     * (the steady state of a {@link ResetMode#RETAIN_CAPACITY} cycle), nothing is given back and the
     * reset is a rewind: earlier segments stay memory-safe to touch but see the data of later
     * allocations, as in Zig and as {@link FixedBufferAllocator#reset()} does.
     *
     * @param mode what to keep
     * @return {@code false} if keeping the requested capacity needed a resize that the child
     *         refused; the arena is reset either way
     * @throws IllegalStateException if the arena is closed
     */
    public boolean reset(ResetMode mode) {
        Objects.requireNonNull(mode, "mode");
        ensureOpen();
        long target = mode.capacityToKeep(capacity());
        if (chunks.size() == 1 && target == chunks.getFirst().byteSize()) {
            top = 0;
            lastStart = Bump.NONE;
            overAligned.clear();
            return true;
        }
        invalidateAll();
        noSpace();
        if (target == 0 || chunks.isEmpty()) {
            freeChunks();
            nextChunkSize = FIRST_CHUNK;
            return true;
        }
        MemorySegment largest = chunks.getFirst();
        for (MemorySegment chunk : chunks) {
            if (chunk.byteSize() > largest.byteSize()) {
                largest = chunk;
            }
        }
        chunks.remove(largest);
        freeChunks();
        boolean resized = true;
        if (largest.byteSize() != target) {
            // The child's realloc may release the old chunk's memory: this arena does not depend on it then.
            underneath.givingBack(largest);
            try {
                largest = child.realloc(largest, target);
            } catch (AllocationException refused) {
                resized = false;
            }
            underneath.took(largest);
        }
        chunks.add(largest);
        space = spaceOf(largest);
        nextChunkSize = Math.max(FIRST_CHUNK, largest.byteSize() > Long.MAX_VALUE / 2 ? largest.byteSize()
                : largest.byteSize() * 2);
        return resized;
    }

    /**
     * Returns the bytes of chunk memory this arena holds, used or not (Zig's {@code queryCapacity}).
     *
     * @return total chunk bytes
     */
    public long capacity() {
        long total = 0;
        for (MemorySegment chunk : chunks) {
            total += chunk.byteSize();
        }
        return total;
    }

    /**
     * Returns the allocator chunks come from.
     *
     * @return the child allocator
     */
    public Allocator child() {
        return child;
    }

    /**
     * Makes every segment handed out unusable (unless {@link Safety#UNCHECKED}) and frees every
     * chunk through the child. Closing twice does nothing.
     *
     * @throws IllegalStateException if a segment of the arena is in use by a native call on another
     *         thread (nothing is freed then, and close can be retried)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        invalidateAll();
        closed = true;
        noSpace();
        underneath.letGo();
        freeChunks();
    }

    private void invalidateAll() {
        if (lifetime != null) {
            lifetime.close();
            lifetime = null;
        }
    }

    private void freeChunks() {
        RuntimeException failure = null;
        for (int i = chunks.size() - 1; i >= 0; i--) {
            try {
                underneath.givingBack(chunks.get(i));
                child.free(chunks.get(i));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        chunks.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private void ensureOpen() {
        if (releasedUnderneath) {
            throw new IllegalStateException("this ArenaAllocator is closed: its child " + child + " released the"
                    + " chunks' memory first (close allocators built on memory before that memory goes)");
        }
        if (closed) {
            throw new IllegalStateException("this ArenaAllocator is closed");
        }
    }

    /**
     * Closes this arena when the child releases the memory of its chunks first: the arena's
     * segments become unusable, and nothing is given back later, as nothing is left to give.
     */
    private final class BuiltOnChild implements Lifetime.Dependent {
        @Override
        public boolean releasableHere() {
            return lifetime == null || lifetime.closableHere();
        }

        @Override
        public void releaseUnderneath() {
            if (!closed) {
                invalidateAll();
                closed = true;
                releasedUnderneath = true;
                noSpace();
                chunks.clear();
            }
            underneath.letGo();
        }

        @Override
        public String toString() {
            return ArenaAllocator.this.toString();
        }
    }

    @Override
    public String toString() {
        return "ArenaAllocator[" + safety + ", " + chunks.size() + " chunks, " + capacity() + " bytes, child="
                + child + "]";
    }

    /** What {@link #reset(ResetMode)} keeps of the arena's chunk memory. */
    public static final class ResetMode {
        /** Give every chunk back to the child. */
        public static final ResetMode FREE_ALL = new ResetMode(0);

        /** Keep the current capacity, as one chunk, so that the next cycle allocates nothing from the child. */
        public static final ResetMode RETAIN_CAPACITY = new ResetMode(Long.MAX_VALUE);

        private final long limit;

        private ResetMode(long limit) {
            this.limit = limit;
        }

        /**
         * Keep the current capacity, but at most {@code limit} bytes of it.
         *
         * @param limit the most chunk memory to keep, in bytes
         * @return the mode
         * @throws IllegalArgumentException if {@code limit} is negative
         */
        public static ResetMode retainWithLimit(long limit) {
            Requests.checkSize(limit);
            return new ResetMode(limit);
        }

        long capacityToKeep(long capacity) {
            return Math.min(capacity, limit);
        }

        @Override
        public String toString() {
            return limit == 0 ? "FREE_ALL" : limit == Long.MAX_VALUE ? "RETAIN_CAPACITY" : "retainWithLimit(" + limit + ")";
        }
    }
}
