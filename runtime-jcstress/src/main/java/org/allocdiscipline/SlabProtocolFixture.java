package org.allocdiscipline;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One 4096-byte size class of a real {@link GeneralPurposeAllocator}, with slabs put by hand into
 * the states a jcstress test starts from, thread caches that hold given slots, and a check of the
 * whole picture once the actors are done. The slabs lie over memory that is never written, and the
 * allocator's pool of empty slabs is filled up front, so the backing allocator is never asked.
 *
 * <p>A slab's bitmap here has 16 slots (bits 16 to 63 are padding); a "bits" argument names the
 * slots that are taken. The check reads private fields of {@link GpaSizeClass} and
 * {@link GeneralPurposeAllocator} (the stripes' current slabs, the pools) reflectively.
 */
final class SlabProtocolFixture {
    /** Class index and shift of the 4096-byte class: 16 slots per 64 KiB slab, 4 per thread cache. */
    static final int C = 8;
    static final int SHIFT = 12;
    static final int SLOTS = 16;
    static final long ALL = (1L << SLOTS) - 1;
    /** How many slots a refill may take, as an alloc asks for this class (half the cache's capacity). */
    static final int ROOM = 2;

    private static final int MAX_SLABS = 8;
    /** Distinct 64 KiB-aligned addresses for the slabs of one fixture; shared by all fixtures, never touched. */
    private static final MemorySegment REGION = Arena.global().allocate(MAX_SLABS * GpaSlab.SIZE, GpaSlab.SIZE);

    private static final VarHandle CURRENT;
    private static final VarHandle POOL_HEAD;
    private static final VarHandle EMPTY_POOL;
    private static final VarHandle CLASSES;
    private static final VarHandle SLAB_TABLE;

    static {
        try {
            MethodHandles.Lookup classes = MethodHandles.privateLookupIn(GpaSizeClass.class, MethodHandles.lookup());
            CURRENT = classes.findVarHandle(GpaSizeClass.class, "current", GpaSlab[].class);
            POOL_HEAD = classes.findVarHandle(GpaSizeClass.class, "poolHead", GpaSlab.class);
            MethodHandles.Lookup gpa = MethodHandles.privateLookupIn(GeneralPurposeAllocator.class, MethodHandles.lookup());
            EMPTY_POOL = gpa.findVarHandle(GeneralPurposeAllocator.class, "pool", ArrayDeque.class);
            CLASSES = gpa.findVarHandle(GeneralPurposeAllocator.class, "classes", GpaSizeClass[].class);
            SLAB_TABLE = gpa.findVarHandle(GeneralPurposeAllocator.class, "slabs", GpaSlabTable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(PageAllocator.INSTANCE, Safety.UNCHECKED);
    final GpaSizeClass sizeClass;
    final GpaSizeClass[] classes;
    /** The allocator's table of slabs, where the fixture's slabs are numbered as the caches need. */
    private final GpaSlabTable slabTable = (GpaSlabTable) SLAB_TABLE.get(gpa);
    private final int stripes;
    private final List<GpaSlab> slabs = new ArrayList<>();
    /** Per slab, the taken slots that no cache of the fixture holds (live allocations of nobody here). */
    private final List<Long> live = new ArrayList<>();
    private final List<GpaThreadCache> caches = new ArrayList<>();
    private final AtomicReference<String> error = new AtomicReference<>();

    SlabProtocolFixture(int stripes) {
        this.stripes = stripes;
        this.sizeClass = new GpaSizeClass(gpa, SHIFT, stripes);
        // The fixture's class replaces the allocator's own 4096-byte class, so that flushAll finds it.
        this.classes = ((GpaSizeClass[]) CLASSES.get(gpa)).clone();
        classes[C] = sizeClass;
    }

    /** A new slab, formatted for the class with {@code bits} taken, in state {@code state}; in no list yet. */
    GpaSlab slab(long bits, int state) {
        int index = slabs.size();
        MemorySegment memory = REGION.asSlice(index * GpaSlab.SIZE, GpaSlab.SIZE);
        GpaSlab slab = new GpaSlab(memory);
        slabTable.add(slab);
        slab.format(sizeClass);
        slab.used[0] = slab.padding | bits;
        slab.setState(state);
        slabs.add(slab);
        live.add(bits);
        return slab;
    }

    /** A slab that is the CURRENT one of {@code stripe}. */
    GpaSlab current(int stripe, long bits) {
        GpaSlab slab = slab(bits, GpaSlab.CURRENT);
        ((GpaSlab[]) CURRENT.get(sizeClass))[stripe] = slab;
        return slab;
    }

    /**
     * A slab in the class's pool with {@code bits} taken: let go while full, then pooled by the free
     * of one more slot, the way the allocator pools one.
     */
    GpaSlab pooled(long bits) {
        long extra = Long.lowestOneBit(~bits & ALL);
        GpaSlab slab = slab(bits | extra, GpaSlab.ABANDONED);
        sizeClass.release(slab, 0, extra);
        live.set(slabs.size() - 1, bits);
        return slab;
    }

    /** An empty slab in the allocator's pool, for a stripe that needs a fresh one. */
    GpaSlab spare() {
        GpaSlab slab = slab(0, GpaSlab.EMPTY);
        slab.sizeClass = null;
        gpa.retire(slab);
        return slab;
    }

    /** A thread cache of this class holding {@code slot} of each slab given (those slots must be taken). */
    GpaThreadCache cache(GpaSlab slab, int... slotsHeld) {
        GpaThreadCache cache = cache();
        for (int slot : slotsHeld) {
            int i = slabs.indexOf(slab);
            live.set(i, live.get(i) & ~(1L << slot));
            cache.add(C, slab, slot);
        }
        return cache;
    }

    /** An empty thread cache. */
    GpaThreadCache cache() {
        GpaThreadCache cache = new GpaThreadCache(Thread.currentThread(), classes.length, slabTable);
        caches.add(cache);
        return cache;
    }

    /**
     * What an alloc does with an empty cache: takes slots of the class for the cache, on a given
     * stripe. An exception is recorded for {@link #broken()}.
     */
    void take(GpaThreadCache cache, int stripe) {
        try {
            sizeClass.refill(cache, C, ROOM, stripe);
        } catch (Throwable e) {
            error.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** What a free into a full cache does: gives the older half back to the slabs. */
    void give(GpaThreadCache cache) {
        try {
            cache.flushHalf(C, sizeClass);
        } catch (Throwable e) {
            error.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The first exception an actor got, else the first broken invariant ({@link #violation()}), else null. */
    String broken() {
        String thrown = error.get();
        return thrown != null ? thrown : violation();
    }

    GpaSlab currentOf(int stripe) {
        return ((GpaSlab[]) CURRENT.get(sizeClass))[stripe];
    }

    boolean inClassPool(GpaSlab slab) {
        for (GpaSlab s = (GpaSlab) POOL_HEAD.get(sizeClass); s != null; s = s.next) {
            if (s == slab) {
                return true;
            }
        }
        return false;
    }

    boolean inAllocatorPool(GpaSlab slab) {
        return ((ArrayDeque<?>) EMPTY_POOL.get(gpa)).contains(slab);
    }

    /** The slots of {@code slab} that {@code cache} holds, as a bit set. */
    static long held(GpaThreadCache cache, GpaSlab slab) {
        long bits = 0;
        for (int i = 0; i < cache.count(C); i++) {
            if (cache.slab(C, i) == slab) {
                bits |= 1L << cache.slot(C, i);
            }
        }
        return bits;
    }

    /** The taken slots of {@code slab} (padding left out). */
    static long bits(GpaSlab slab) {
        return slab.used[0] & ALL;
    }

    /**
     * Checks the protocol's invariants once the actors are done; returns what is broken, or null.
     * No slot is held twice; a slot's bit is set exactly when a cache or a live allocation has it;
     * a CURRENT slab is one stripe's current; a POOLED slab is in the class's pool and has a free
     * slot, and only POOLED slabs are there; an ABANDONED slab is full (else a free was lost); an
     * EMPTY slab is in the allocator's pool with no slot taken.
     */
    String violation() {
        for (int i = 0; i < slabs.size(); i++) {
            GpaSlab slab = slabs.get(i);
            String name = "slab " + i;
            long held = 0;
            for (GpaThreadCache cache : caches) {
                long h = held(cache, slab);
                if ((held & h) != 0) {
                    return name + ": a slot held by two caches";
                }
                held |= h;
                for (int k = 0; k < cache.count(C); k++) {
                    for (int j = k + 1; j < cache.count(C); j++) {
                        if (cache.slab(C, k) == slab && cache.slab(C, j) == slab
                                && cache.slot(C, k) == cache.slot(C, j)) {
                            return name + ": a slot held twice by one cache";
                        }
                    }
                }
            }
            long taken = held | live.get(i);
            int stripe = stripeOf(slab);
            switch (slab.state()) {
                case GpaSlab.CURRENT -> {
                    if (stripe < 0) {
                        return name + ": CURRENT but no stripe's current slab";
                    }
                    if (stripe == Integer.MAX_VALUE) {
                        return name + ": the current slab of two stripes";
                    }
                }
                case GpaSlab.ABANDONED -> {
                    if (bits(slab) != ALL) {
                        return name + ": ABANDONED with a free slot, a free was lost";
                    }
                }
                case GpaSlab.POOLED -> {
                    if (!inClassPool(slab)) {
                        return name + ": POOLED but not in the pool";
                    }
                    if (bits(slab) == ALL) {
                        return name + ": POOLED without a free slot";
                    }
                }
                case GpaSlab.EMPTY -> {
                    if (!inAllocatorPool(slab)) {
                        return name + ": EMPTY but not in the allocator's pool";
                    }
                    if (slab.used[0] != slab.padding || taken != 0) {
                        return name + ": EMPTY with slots taken or held";
                    }
                    continue;
                }
                default -> {
                    return name + ": state " + slab.state() + " after the actors ended";
                }
            }
            if (slab.state() != GpaSlab.CURRENT && stripe >= 0) {
                return name + ": a stripe's current slab in state " + slab.state();
            }
            if (slab.state() != GpaSlab.POOLED && inClassPool(slab)) {
                return name + ": in the pool in state " + slab.state();
            }
            if (inAllocatorPool(slab)) {
                return name + ": in the allocator's pool in state " + slab.state();
            }
            if (slab.used[0] != (slab.padding | taken)) {
                return name + ": bitmap " + Long.toHexString(bits(slab)) + " but slots held or live "
                        + Long.toHexString(taken);
            }
        }
        return null;
    }

    private int stripeOf(GpaSlab slab) {
        int found = -1;
        for (int s = 0; s < stripes; s++) {
            if (currentOf(s) == slab) {
                if (found >= 0) {
                    return Integer.MAX_VALUE;
                }
                found = s;
            }
        }
        return found;
    }
}
