package org.allocdiscipline;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.allocdiscipline.internal.Lifetime;
import org.allocdiscipline.internal.Requests;
import org.allocdiscipline.internal.Underneath;

/**
 * A thread-safe allocator for many small allocations of mixed sizes and lifetimes, built on a
 * backing allocator of the caller's choice (Zig's {@code GeneralPurposeAllocator}).
 *
 * <p><b>How it works.</b> A request whose size and alignment are at most
 * {@value #MAX_SLAB_REQUEST} bytes is rounded up to a power-of-two size class (16, 32, … 4096
 * bytes) and served from a slot of a 64 KiB slab; slabs come from the backing allocator, 64 KiB
 * aligned, so every slot is naturally aligned to its class size. Larger requests, and requests
 * aligned beyond {@value #MAX_SLAB_REQUEST} bytes, go straight to the backing allocator.
 *
 * <p><b>Threads.</b> Every method may be called from any thread (in {@link Safety#SHARED} and
 * {@link Safety#UNCHECKED} mode), and a segment may be freed by another thread than the one that
 * allocated it. Each thread keeps a few free slots per size class (at most 16 KiB, 64 slots) for
 * itself, found through two fields that name the last two threads to take a checked path (about
 * once each), else a table by thread id, so most allocs and frees take no lock, no atomic
 * instruction and no {@code ThreadLocal} lookup. A thread keeps a segment it made for each of a
 * few slots per class, and a slot it takes again with that segment's size comes back as that
 * segment object ({@code MemorySegment} is value-based: same address, size and scope), so such an
 * alloc makes no object. An empty cache is
 * refilled with up to half its capacity in one atomic operation on a slab's bitmap, under a lock
 * of the thread's stripe (threads allocate from different slabs, striped by thread id, so the
 * lock is contended only between threads of one stripe); a full cache gives half back with one
 * atomic operation per bitmap word, without a lock. A slab
 * that becomes empty goes to a pool that any size class can take it from; slots kept by a thread
 * that ended go back when another thread starts using the allocator. {@link #close} must not run
 * while other threads still call the allocator.
 *
 * <p><b>Validation.</b> {@link #free} and {@link #realloc} check the segment they get:
 * a segment this allocator did not hand out raises {@link IllegalArgumentException} (foreign
 * free); a slice, or a segment with another size than the allocation, raises
 * {@link IllegalArgumentException}; a slot that is not live raises {@link IllegalStateException}
 * (double free). Once a slot is reused, a stale segment to it is indistinguishable from the new
 * allocation, and two threads that free the same segment at the same moment (a data race in the
 * program) may both succeed: catching those is {@code TestingAllocator}'s job.
 *
 * <p><b>Safety</b> (see {@link Safety}). Slabs stay mapped until {@link #close}, so reading or
 * writing a freed small segment never crashes the JVM; it sees stale data or another allocation's
 * data. In {@link Safety#SHARED} (the default) and {@link Safety#THREAD_CONFINED} mode, slab
 * segments belong to an FFM arena of this allocator, and {@link #close} closes it: every small
 * segment handed out throws {@link IllegalStateException} afterwards. Closing the shared arena costs
 * one JVM handshake (tens of microseconds) per {@code close}, never per {@code free}. Large
 * allocations are the backing allocator's own segments: after their free, and after
 * {@code close}, they behave as the backing allocator's freed segments do ({@link PageAllocator}:
 * exception). In {@link Safety#THREAD_CONFINED} mode only the creating thread may use the
 * allocator and its small segments. In {@link Safety#UNCHECKED} mode small segments stay usable
 * after {@code close}, when their memory may be gone: a use then can crash the JVM.
 *
 * <p><b>Closing.</b> {@link #close} gives every slab and large allocation back to the backing
 * allocator. If allocations were still live it then throws {@link IllegalStateException} listing
 * them: a general-purpose allocator is not a region, and memory nobody freed is a leak. Ask
 * {@link #liveAllocations()} first when the count matters.
 */
@Owned
public final class GeneralPurposeAllocator implements Allocator, AutoCloseable {
    /** The largest size (and alignment) served from slabs; larger requests go to the backing allocator. */
    public static final long MAX_SLAB_REQUEST = 1L << GpaSizeClass.MAX_SHIFT;

    private static final int LEAKS_LISTED = 20;
    /** Threads allocate from one of this many slabs per class, chosen by thread id. */
    private static final int MAX_STRIPES = 8;
    /** Entries of the table that finds a thread's cache by thread id; threads that share one take turns. */
    private static final int CACHE_TABLE = 64;

    private final Allocator backing;
    private final Safety safety;
    /** What slab segments live in (in UNCHECKED mode, a lifetime that invalidates nothing). */
    private final Lifetime lifetime;
    /**
     * All of memory in the lifetime's scope: small segments are slices of it, so that an alloc
     * needs neither the slab's own segment nor a restricted {@code reinterpret}.
     */
    private final MemorySegment view;
    /** The scope of the segments handed out, or null in UNCHECKED mode, where any scope is accepted. */
    private final MemorySegment.Scope ownScope;
    /** The scope of the segments handed out in every mode: a free in another scope takes the checked path. */
    private final MemorySegment.Scope viewScope;
    private final Underneath underneath = new Underneath(new BuiltOnBacking());
    private final Thread confinedTo;
    private final GpaSizeClass[] classes;
    private final GpaSlabTable slabs = new GpaSlabTable();
    private final ArrayDeque<GpaSlab> pool = new ArrayDeque<>();
    private final Map<Long, LargeBlock> large = new HashMap<>();
    private final Object closeLock = new Object();
    private final ThreadLocal<GpaThreadCache> threadCaches = new ThreadLocal<>();
    /**
     * The last cache seen per thread id modulo the table size ({@link GpaThreadCache#NONE} before
     * any): finds the calling thread's cache with one load and a compare, where a ThreadLocal
     * lookup takes a hash probe. Each entry's thread is final, so a thread never uses another's.
     * Closing empties the table, so the fast paths, which read no {@code closed} flag, go to the
     * checked paths from then on; any call that happens after {@code close} (as every call must,
     * see {@link #close}) sees the empty table.
     */
    private final GpaThreadCache[] cacheByThread = new GpaThreadCache[CACHE_TABLE];
    /**
     * The caches of the last two threads that took a checked path ({@link GpaThreadCache#NONE}
     * before any): the fast paths try them before the table, a load and a compare each where the
     * table takes a thread id, a mask and a bounds-checked element. Written only on the checked
     * paths, which a thread takes about once, so that threads that share the allocator do not
     * write them in turn; a third thread goes on to the table. A cache's thread is final, so a
     * thread never uses another's cache; closing resets both with the table.
     */
    private GpaThreadCache lastChecked = GpaThreadCache.NONE;
    private GpaThreadCache checkedBefore = GpaThreadCache.NONE;
    private final List<GpaThreadCache> allCaches = new ArrayList<>();
    private volatile boolean closed;
    private boolean released;
    /** Set when the backing allocator released the slabs' memory before this allocator was closed. */
    private volatile boolean releasedUnderneath;

    /**
     * Creates an allocator in {@link Safety#SHARED} mode on top of {@code backing}.
     *
     * @param backing supplies the 64 KiB slabs and the large allocations; must accept 64 KiB
     *        alignment
     */
    public GeneralPurposeAllocator(Allocator backing) {
        this(backing, Safety.SHARED);
    }

    /**
     * Creates an allocator on top of {@code backing} with the given safety mode.
     *
     * @param backing supplies the 64 KiB slabs and the large allocations; must accept 64 KiB
     *        alignment
     * @param safety how segments are invalidated when the allocator closes
     */
    public GeneralPurposeAllocator(Allocator backing, Safety safety) {
        this.backing = Objects.requireNonNull(backing, "backing");
        this.safety = Objects.requireNonNull(safety, "safety");
        this.lifetime = Lifetime.open(safety);
        this.view = lifetime.wrap(0, Long.MAX_VALUE);
        this.viewScope = view.scope();
        this.ownScope = safety == Safety.UNCHECKED ? null : viewScope;
        this.confinedTo = safety == Safety.THREAD_CONFINED ? Thread.currentThread() : null;
        this.classes = new GpaSizeClass[GpaSizeClass.MAX_SHIFT - GpaSizeClass.MIN_SHIFT + 1];
        int stripes = Integer.highestOneBit(Math.min(MAX_STRIPES, Runtime.getRuntime().availableProcessors()));
        for (int i = 0; i < classes.length; i++) {
            classes[i] = new GpaSizeClass(this, i + GpaSizeClass.MIN_SHIFT, stripes);
        }
        Arrays.fill(cacheByThread, GpaThreadCache.NONE);
    }

    /**
     * Returns the safety mode this allocator was created with.
     *
     * @return the safety mode
     */
    public Safety safety() {
        return safety;
    }

    @Override
    public @Owned MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException {
        // The fast path: a slab request (size 1 to 4096, a power-of-two alignment up to 4096) by a
        // thread whose cache the table finds (so the allocator is open). Everything else, the checks
        // that throw included, is allocChecked's.
        Thread thread = Thread.currentThread();
        GpaThreadCache cache = fastCache(thread);
        if (((((byteSize - 1) | (byteAlignment - 1)) >>> GpaSizeClass.MAX_SHIFT) | (byteAlignment & (byteAlignment - 1))) != 0
                || cache.thread != thread) {
            return allocChecked(byteSize, byteAlignment);
        }
        int c = GpaSizeClass.index(Math.max(byteSize, byteAlignment));
        int n = cache.counts[c] - 1;
        if (n < 0) {
            return allocRefilling(cache, c, byteSize, byteAlignment);
        }
        return take(cache, c, n, byteSize, byteAlignment);
    }

    @Override
    public void free(@Owned MemorySegment memory) {
        Objects.requireNonNull(memory, "memory");
        // The fast path: a live slab allocation, exactly as handed out, freed by a thread whose
        // cache the table finds (so the allocator is open). Anything else goes the checked way,
        // which names what is wrong.
        Thread thread = Thread.currentThread();
        GpaThreadCache cache = fastCache(thread);
        long address = memory.address();
        GpaSlab slab = cache.lastFreedInto;
        if (slab.base != (address & -GpaSlab.SIZE)) {
            slab = cache.thread == thread ? recentSlab(cache, address) : null;
        }
        int offset = (int) address & (int) (GpaSlab.SIZE - 1);
        long byteSize = memory.byteSize();
        int shift;
        if (cache.thread != thread || slab == null || memory.scope() != viewScope
                || !slab.holdsLive(offset, shift = slab.slotShift, byteSize)) {
            freeChecked(memory);
            return;
        }
        // The class from the slab's format, read once with the slot: a loop that frees into one
        // slab then has the class without any work on the size.
        keep(cache, shift - GpaSizeClass.MIN_SHIFT, slab, offset >>> shift);
    }

    /**
     * The calling thread's cache as the fast paths find it: one of the last two checked paths',
     * else the table's entry for the thread id; a cache of another thread (or NONE) when none is
     * its own.
     */
    private GpaThreadCache fastCache(Thread thread) {
        GpaThreadCache cache = lastChecked;
        if (cache.thread == thread) {
            return cache;
        }
        cache = checkedBefore;
        return cache.thread == thread ? cache : cacheByThread[(int) thread.threadId() & (CACHE_TABLE - 1)];
    }

    /**
     * The slab that holds {@code address}, or null: one of the calling thread's cache's recent
     * slabs, else the table's, which the cache then remembers as its last and among its recent ones.
     */
    private GpaSlab recentSlab(GpaThreadCache cache, long address) {
        long base = address & -GpaSlab.SIZE;
        GpaSlab slab = cache.recentSlabs[GpaThreadCache.recent(base)];
        if (slab.base == base) {
            return slab;
        }
        slab = slabs.find(base);
        if (slab != null) {
            cache.lastFreedInto = slab;
            cache.recentSlabs[GpaThreadCache.recent(base)] = slab;
        }
        return slab;
    }

    /**
     * Hands out class {@code c}'s {@code n}-th cached slot: as the segment the thread keeps for it
     * if that one has this address and size, else as a new one, which the cache may then keep.
     */
    private MemorySegment take(GpaThreadCache cache, int c, int n, long byteSize, long byteAlignment) {
        long entry = cache.entries[GpaThreadCache.entry(c, n)];
        GpaSlab slab = cache.slabOf(entry);
        int slot = GpaThreadCache.slotOf(entry);
        cache.counts[c] = n;
        slab.meta[slot] = GpaSizeClass.meta(byteSize, byteAlignment);
        long address = slab.base + ((long) slot << (c + GpaSizeClass.MIN_SHIFT));
        int k = GpaThreadCache.made(c, slot);
        MemorySegment[] made = cache.made;
        MemorySegment segment = made[k];
        if (segment.address() != address || segment.byteSize() != byteSize) {
            MemorySegment kept = segment;
            segment = view.asSlice(address, byteSize);
            cache.offerMade(k, kept, segment);
        }
        return segment;
    }

    /**
     * Marks a validated live slot of class {@code c} not live and keeps it in the calling thread's
     * cache. The class comes from the same read of the slab's format as the slot, so the slot is
     * inside the slab whatever a racing misuse did meanwhile.
     */
    private void keep(GpaThreadCache cache, int c, GpaSlab slab, int slot) {
        slab.meta[slot] = 0;
        if (cache.counts[c] >= slab.cacheCapacity) {
            cache.flushHalf(c, classes[c]);
        }
        cache.add(c, slab, slot);
    }

    /** An alloc that did not take the fast path: every check in order, then the slab or the backing allocator. */
    private MemorySegment allocChecked(long byteSize, long byteAlignment) throws AllocationException {
        Requests.check(byteSize, byteAlignment);
        checkThread();
        if (byteSize == 0) {
            checkOpen();
            return Requests.empty(byteAlignment);
        }
        long need = Math.max(byteSize, byteAlignment);
        if (need > MAX_SLAB_REQUEST) {
            return allocLarge(byteSize, byteAlignment);
        }
        checkOpen();
        int c = GpaSizeClass.index(need);
        GpaThreadCache cache = cacheOf(Thread.currentThread());
        int n = cache.counts[c] - 1;
        return n < 0 ? allocRefilling(cache, c, byteSize, byteAlignment) : take(cache, c, n, byteSize, byteAlignment);
    }

    private MemorySegment allocRefilling(GpaThreadCache cache, int c, long byteSize, long byteAlignment)
            throws AllocationException {
        classes[c].refill(cache, c, GpaThreadCache.capacity(c) / 2);
        return take(cache, c, cache.counts[c] - 1, byteSize, byteAlignment);
    }

    /** A free that did not take the fast path: every check in order, each throwing what is wrong. */
    private void freeChecked(MemorySegment memory) {
        checkThread();
        if (memory.byteSize() == 0) {
            return;
        }
        checkOpen();
        GpaSlab slab = slabOf(memory);
        if (slab != null) {
            GpaSizeClass sizeClass = ownerOf(slab, memory);
            int slot = sizeClass.liveSlot(slab, memory);
            keep(cacheOf(Thread.currentThread()), sizeClass.shift - GpaSizeClass.MIN_SHIFT, slab, slot);
        } else {
            backing.free(removeLarge(memory));
        }
    }

    @Override
    public @Owned MemorySegment realloc(@Owned MemorySegment memory, long newByteSize) throws AllocationException {
        Objects.requireNonNull(memory, "memory");
        Requests.checkSize(newByteSize);
        checkThread();
        if (memory.byteSize() == 0) {
            return alloc(newByteSize, Requests.alignmentOfEmpty(memory));
        }
        checkOpen();
        GpaSlab slab = slabOf(memory);
        if (newByteSize == 0) {
            // The empty segment keeps the alignment, as a later realloc of it must.
            long alignment = slab != null ? slabAlignment(slab, memory) : largeAlignment(memory);
            free(memory);
            return Requests.empty(alignment);
        }
        return slab != null ? reallocSmall(slab, memory, newByteSize) : reallocLarge(memory, newByteSize);
    }

    /**
     * Counts the allocations that are live now: allocated and not yet freed.
     *
     * @return the number of live allocations, zero-length ones excluded
     */
    public long liveAllocations() {
        long count = 0;
        for (GpaSlab slab : slabs.all()) {
            if (slab.sizeClass != null) {
                count += slab.liveCount();
            }
        }
        synchronized (large) {
            return count + large.size();
        }
    }

    /**
     * Gives every slab and every large allocation back to the backing allocator, and makes every
     * small segment handed out unusable (except in {@link Safety#UNCHECKED} mode). Calling it again
     * does nothing.
     *
     * @throws IllegalStateException after everything was given back, if allocations were still
     *         live; the message lists them (up to 20) with their sizes and addresses. Also thrown,
     *         before anything was given back, if the FFM arena cannot close because another thread
     *         is using one of its segments in a native call; {@code close} can then be retried.
     * @throws WrongThreadException in {@link Safety#THREAD_CONFINED} mode, on another thread
     */
    @Override
    public void close() {
        checkThread();
        synchronized (closeLock) {
            if (released) {
                return;
            }
            closed = true;
            Arrays.fill(cacheByThread, GpaThreadCache.NONE);
            lastChecked = GpaThreadCache.NONE;
            checkedBefore = GpaThreadCache.NONE;
            StringBuilder leaks = new StringBuilder();
            long leakCount = describeLiveAndWaitForOperations(leaks);
            lifetime.close();
            underneath.letGo();
            RuntimeException backingFailure = null;
            List<MemorySegment> toReturn = new ArrayList<>();
            for (GpaSlab slab : slabs.all()) {
                toReturn.add(slab.raw);
            }
            synchronized (large) {
                for (LargeBlock block : large.values()) {
                    toReturn.add(block.segment);
                }
                large.clear();
            }
            for (MemorySegment segment : toReturn) {
                try {
                    backing.free(segment);
                } catch (RuntimeException e) {
                    if (backingFailure == null) {
                        backingFailure = e;
                    } else {
                        backingFailure.addSuppressed(e);
                    }
                }
            }
            released = true;
            if (leakCount > 0) {
                IllegalStateException leak = new IllegalStateException(leakCount
                        + " allocation(s) still live when the GeneralPurposeAllocator was closed"
                        + " (all memory was given back to the backing allocator):" + leaks
                        + (leakCount > LEAKS_LISTED ? "\n  ... and " + (leakCount - LEAKS_LISTED) + " more" : ""));
                if (backingFailure != null) {
                    leak.addSuppressed(backingFailure);
                }
                throw leak;
            }
            if (backingFailure != null) {
                throw backingFailure;
            }
        }
    }

    @Override
    public String toString() {
        return "GeneralPurposeAllocator[" + safety + (closed ? ", closed" : "") + ", backing=" + backing + "]";
    }

    // --- package-private hooks for the size classes ---

    /** A small segment: {@code byteSize} bytes at {@code address}, in this allocator's scope. */
    MemorySegment segmentAt(long address, long byteSize) {
        return view.asSlice(address, byteSize);
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException(releasedUnderneath
                    ? "this GeneralPurposeAllocator is closed: its backing allocator " + backing + " released the"
                            + " slabs' memory first (close allocators built on memory before that memory goes)"
                    : "this GeneralPurposeAllocator is closed");
        }
    }

    /** Takes an empty slab from the pool or the backing allocator, formatted for {@code sizeClass} and CURRENT. */
    GpaSlab obtainSlab(GpaSizeClass sizeClass) throws AllocationException {
        GpaSlab slab;
        synchronized (pool) {
            slab = pool.poll();
        }
        if (slab == null) {
            slab = newSlab(sizeClass.slotSize());
            slabs.add(slab);
        }
        slab.format(sizeClass);
        return slab;
    }

    /** Takes back an empty slab; it stays mapped (stale segments may still point into it). */
    void retire(GpaSlab slab) {
        synchronized (pool) {
            slab.sizeClass = null;
            slab.setState(GpaSlab.EMPTY);
            pool.push(slab);
        }
    }

    // --- internals ---

    /** The calling thread's cache, made on its first call; it goes into the table for the fast paths. */
    private GpaThreadCache cacheOf(Thread thread) {
        GpaThreadCache cache = threadCaches.get();
        if (cache == null) {
            cache = new GpaThreadCache(thread, classes.length, slabs);
            synchronized (allCaches) {
                // Slots that ended threads held back go back to their slabs.
                allCaches.removeIf(other -> {
                    if (other.thread.isAlive()) {
                        return false;
                    }
                    other.flushAll(classes);
                    return true;
                });
                allCaches.add(cache);
            }
            threadCaches.set(cache);
        }
        cacheByThread[(int) thread.threadId() & (CACHE_TABLE - 1)] = cache;
        if (lastChecked != cache) {
            checkedBefore = lastChecked;
            lastChecked = cache;
        }
        return cache;
    }

    private GpaSlab newSlab(long slotSize) throws AllocationException {
        MemorySegment raw;
        try {
            raw = backing.alloc(GpaSlab.SIZE, GpaSlab.SIZE);
        } catch (AllocationException e) {
            throw new AllocationException(slotSize, "GeneralPurposeAllocator: the backing allocator could not"
                    + " provide a " + (GpaSlab.SIZE >> 10) + " KiB slab for the " + slotSize + "-byte size class", e);
        }
        if (raw.byteSize() != GpaSlab.SIZE || (raw.address() & (GpaSlab.SIZE - 1)) != 0) {
            backing.free(raw);
            throw new IllegalStateException("the backing allocator " + backing + " returned a segment of "
                    + raw.byteSize() + " bytes at 0x" + Long.toHexString(raw.address()) + " for a request of "
                    + GpaSlab.SIZE + " bytes aligned to " + GpaSlab.SIZE);
        }
        underneath.took(raw);
        return new GpaSlab(raw);
    }

    private MemorySegment allocLarge(long byteSize, long byteAlignment) throws AllocationException {
        MemorySegment block = backing.alloc(byteSize, byteAlignment);
        synchronized (large) {
            if (!closed) {
                large.put(block.address(), new LargeBlock(block, byteAlignment));
                return block;
            }
        }
        backing.free(block);
        throw new IllegalStateException("this GeneralPurposeAllocator is closed");
    }

    private MemorySegment removeLarge(MemorySegment memory) {
        synchronized (large) {
            LargeBlock block = checkedLarge(memory);
            large.remove(memory.address());
            return block.segment;
        }
    }

    /** The recorded large block that {@code memory} is exactly; caller holds the {@code large} lock. */
    private LargeBlock checkedLarge(MemorySegment memory) {
        LargeBlock block = large.get(memory.address());
        if (block == null) {
            throw new IllegalArgumentException("foreign free or double free: the " + memory.byteSize()
                    + "-byte segment at 0x" + Long.toHexString(memory.address()) + " is not a live allocation of this"
                    + " GeneralPurposeAllocator: it was allocated by another allocator, or already freed");
        }
        if (block.segment.byteSize() != memory.byteSize()) {
            throw new IllegalArgumentException("wrong size: the allocation at 0x" + Long.toHexString(memory.address())
                    + " has " + block.segment.byteSize() + " bytes, but the segment passed has " + memory.byteSize()
                    + " bytes: free and realloc take the segment exactly as alloc returned it, not a slice");
        }
        return block;
    }

    private MemorySegment reallocSmall(GpaSlab slab, MemorySegment memory, long newByteSize)
            throws AllocationException {
        long[] alignment = new long[1];
        MemorySegment result = ownerOf(slab, memory).resizeInPlace(slab, memory, newByteSize, alignment);
        if (result != GpaSizeClass.MOVE) {
            return result;
        }
        MemorySegment moved;
        try {
            moved = alloc(newByteSize, alignment[0]);
        } catch (AllocationException e) {
            if (newByteSize < memory.byteSize()) {
                // Shrinking never fails: stay in the larger slot.
                return ownerOf(slab, memory).shrinkInPlace(slab, memory, newByteSize);
            }
            throw e;
        }
        MemorySegment.copy(memory, 0, moved, 0, Math.min(memory.byteSize(), newByteSize));
        free(memory);
        return moved;
    }

    private MemorySegment reallocLarge(MemorySegment memory, long newByteSize) throws AllocationException {
        LargeBlock block;
        synchronized (large) {
            block = checkedLarge(memory);
        }
        if (Math.max(newByteSize, block.alignment) <= MAX_SLAB_REQUEST) {
            MemorySegment moved = alloc(newByteSize, block.alignment);
            MemorySegment.copy(block.segment, 0, moved, 0, newByteSize);
            free(memory);
            return moved;
        }
        synchronized (large) {
            checkedLarge(memory);
            large.remove(memory.address());
        }
        // The backing allocator keeps the block's alignment, and leaves it intact when it fails.
        MemorySegment resized;
        try {
            resized = backing.realloc(block.segment, newByteSize);
        } catch (AllocationException | RuntimeException e) {
            synchronized (large) {
                large.put(memory.address(), block);
            }
            throw e;
        }
        synchronized (large) {
            large.put(resized.address(), new LargeBlock(resized, block.alignment));
        }
        return resized;
    }

    /**
     * Closes this allocator when the backing allocator releases the memory of its slabs first (the
     * backing allocator closed, or reset): the slabs' segments become unusable, and nothing is
     * given back later, as nothing is left to give.
     */
    private final class BuiltOnBacking implements Lifetime.Dependent {
        @Override
        public boolean releasableHere() {
            return lifetime.closableHere();
        }

        @Override
        public void releaseUnderneath() {
            synchronized (closeLock) {
                if (!released) {
                    releasedUnderneath = true;
                    closed = true;
                    Arrays.fill(cacheByThread, GpaThreadCache.NONE);
                    lastChecked = GpaThreadCache.NONE;
                    checkedBefore = GpaThreadCache.NONE;
                    lifetime.close();
                    released = true;
                }
            }
            underneath.letGo();
        }

        @Override
        public String toString() {
            return GeneralPurposeAllocator.this.toString();
        }
    }

    /** A large allocation: the backing allocator's segment and the alignment it was requested with. */
    private record LargeBlock(MemorySegment segment, long alignment) {
    }

    private long slabAlignment(GpaSlab slab, MemorySegment memory) {
        return ownerOf(slab, memory).alignmentOf(slab, memory);
    }

    private long largeAlignment(MemorySegment memory) {
        synchronized (large) {
            return checkedLarge(memory).alignment;
        }
    }

    private GpaSlab slabOf(MemorySegment memory) {
        GpaSlab slab = slabs.find(memory.address() & -GpaSlab.SIZE);
        if (slab != null && !ours(memory)) {
            throw foreign(memory);
        }
        return slab;
    }

    /** Whether {@code memory} is in the scope of the segments this allocator hands out (always, when unchecked). */
    private boolean ours(MemorySegment memory) {
        return ownScope == null || memory.scope() == ownScope;
    }

    /** The class that {@code slab} serves; an empty slab waiting in the pool holds nothing live. */
    private static GpaSizeClass ownerOf(GpaSlab slab, MemorySegment memory) {
        GpaSizeClass owner = slab.sizeClass;
        if (owner == null) {
            throw GpaSizeClass.doubleFree(memory);
        }
        return owner;
    }

    private IllegalArgumentException foreign(MemorySegment memory) {
        return new IllegalArgumentException("foreign free: the " + memory.byteSize() + "-byte segment at 0x"
                + Long.toHexString(memory.address()) + " was not allocated by this GeneralPurposeAllocator;"
                + " free it through the allocator that returned it");
    }

    private void checkThread() {
        if (confinedTo != null && Thread.currentThread() != confinedTo) {
            throw new WrongThreadException("this THREAD_CONFINED GeneralPurposeAllocator belongs to "
                    + confinedTo + ", not to " + Thread.currentThread());
        }
    }

    /**
     * Takes every class lock in turn, so that no allocation is still in flight, and lists the live
     * allocations while holding it.
     */
    private long describeLiveAndWaitForOperations(StringBuilder out) {
        long count = 0;
        int listed = 0;
        for (GpaSizeClass c : classes) {
            c.awaitRefills();
        }
        for (GpaSlab slab : slabs.all()) {
            int live = slab.sizeClass == null ? 0 : slab.liveCount();
            if (live > 0) {
                count += live;
                listed += slab.describeLive(out, LEAKS_LISTED - listed);
            }
        }
        synchronized (large) {
            for (LargeBlock entry : large.values()) {
                MemorySegment block = entry.segment;
                count++;
                if (listed < LEAKS_LISTED) {
                    out.append("\n  ").append(block.byteSize()).append(" bytes at 0x")
                            .append(Long.toHexString(block.address())).append(" (large, from the backing allocator)");
                    listed++;
                }
            }
        }
        return count;
    }
}
