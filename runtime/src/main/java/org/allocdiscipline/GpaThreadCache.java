package org.allocdiscipline;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Free slots that one thread keeps for itself, per size class, so that an alloc or a free that
 * hits the cache needs no atomic instruction at all. A cached slot keeps its bit set in the slab
 * (no other thread can take it) and has its meta cleared (it is not live, so freeing it again is
 * still reported as a double free). Only the owning thread touches the arrays, except after the
 * thread ended, when {@link GeneralPurposeAllocator} returns the slots to their slabs.
 *
 * <p>The stacks of all classes share one flat array, class {@code c}'s entries starting at
 * {@code c * MAX_SLOTS}, and an entry is a number: the slab's number in its allocator's
 * {@link GpaSlabTable} and the slot's. So an alloc or a free reaches its entry in two loads from
 * the cache, and a free that keeps a slot stores no reference (which would cost the garbage
 * collector's write barrier).
 */
final class GpaThreadCache {
    /** Bytes a thread may hold back per size class. */
    private static final long BYTES_PER_CLASS = 16 * 1024;
    /** The most slots a thread holds back per class; also the stride between the classes' stacks. */
    static final int MAX_SLOTS = 64;
    private static final int STRIDE_SHIFT = 6;

    /** The owner, or null for {@link #NONE}. */
    final Thread thread;
    /** Where the slabs named by the entries are. */
    final GpaSlabTable table;
    /**
     * The table's slabs by number as this thread last saw them, so that an alloc reaches its slab
     * in one load from the cache. A number below its length names the same slab here as in the
     * table: slabs keep their numbers, and the table copies its array only to add numbers past
     * its end, which a lookup here finds out of range and reads a fresh array for.
     */
    private GpaSlab[] slabsById;
    /** Per entry, the slab's number in the high half and the slot in the low half. */
    final long[] entries;
    final int[] counts;
    /**
     * The slab of the last free that missed both it and {@link #recentSlabs}: most frees go to the
     * same slab as the one before, and this finds it with one load and a compare. Never null.
     */
    GpaSlab lastFreedInto = GpaSlab.NONE;
    /**
     * The slabs this thread freed into lately, by address: slab {@code base} at
     * {@code (base >>> GpaSlab.SHIFT) & (RECENT_SLABS - 1)}, so that a thread that frees into a
     * few slabs in turn finds each without a probe of the allocator's table, and stores a
     * reference (which costs the garbage collector's write barrier) only when it meets a slab it
     * has not met there. A second level behind {@link #lastFreedInto}, whose single load keeps
     * the common free short. Never holds null.
     */
    final GpaSlab[] recentSlabs;
    private static final int RECENT_SLABS = 16;
    /**
     * A segment this thread handed out for a slot, per class at {@link #made(int, int)}: a slot
     * freed and taken again with that size gets the same segment object back (a
     * {@code MemorySegment} is value-based: the same address, size and scope make the same
     * segment), so that such an alloc makes no object and stores no reference. An entry that does
     * not fit an alloc is replaced by the segment made instead only at every
     * {@value #MISSES_BEFORE_REPLACING}th such alloc (see {@link #offerMade}). Holds
     * {@link MemorySegment#NULL} (address 0, never a slot's) until first written, never null.
     */
    final MemorySegment[] made;
    /** Per entry of {@link #made}, the allocs it did not fit since it was written. */
    private final byte[] misses;
    /**
     * Storing a reference costs the garbage collector's write barrier, which on a slot taken back
     * with another size each time (sizes of one class in turn) costs more than making the segment:
     * an entry changes only after this many allocs it did not fit.
     */
    static final int MISSES_BEFORE_REPLACING = 8;

    /** Stands in for "no cache" in a lookup table: it belongs to no thread, so every lookup that finds it misses. */
    static final GpaThreadCache NONE = new GpaThreadCache(null, 0, null);

    GpaThreadCache(Thread thread, int classes, GpaSlabTable table) {
        this.thread = thread;
        this.table = table;
        this.slabsById = table == null ? new GpaSlab[0] : table.numbered();
        this.entries = new long[classes << STRIDE_SHIFT];
        this.counts = new int[classes];
        this.recentSlabs = new GpaSlab[RECENT_SLABS];
        Arrays.fill(recentSlabs, GpaSlab.NONE);
        this.made = new MemorySegment[classes << STRIDE_SHIFT];
        Arrays.fill(made, MemorySegment.NULL);
        this.misses = new byte[classes << STRIDE_SHIFT];
    }

    /** How many slots class {@code c} may hold: at most 16 KiB of them, at most 64 (4 to 64 for 16 B to 4 KiB). */
    static int capacity(int c) {
        return (int) (BYTES_PER_CLASS >>> Math.max(c + GpaSizeClass.MIN_SHIFT, FULL_CLASS_SHIFT));
    }

    /** The largest class whose 16 KiB hold at least 64 slots. */
    private static final int FULL_CLASS_SHIFT = Long.numberOfTrailingZeros(BYTES_PER_CLASS / MAX_SLOTS);

    /** Where the slab that may hold {@code address} is in {@link #recentSlabs}. */
    static int recent(long address) {
        return (int) (address >>> GpaSlab.SHIFT) & (RECENT_SLABS - 1);
    }

    /** Where class {@code c}'s {@code n}-th entry is in {@link #entries}. */
    static int entry(int c, int n) {
        return (c << STRIDE_SHIFT) + n;
    }

    /** Where the segment last made for class {@code c}'s {@code slot} may be in {@link #made}. */
    static int made(int c, int slot) {
        return (c << STRIDE_SHIFT) | (slot & (MAX_SLOTS - 1));
    }

    /**
     * Offers {@code segment}, just made because {@code kept} (entry {@code k} of {@link #made}) did
     * not fit the alloc: it takes the entry's place if the entry is still empty or has not fit
     * {@value #MISSES_BEFORE_REPLACING} allocs since it was written.
     */
    void offerMade(int k, MemorySegment kept, MemorySegment segment) {
        if (kept == MemorySegment.NULL || ++misses[k] >= MISSES_BEFORE_REPLACING) {
            misses[k] = 0;
            made[k] = segment;
        }
    }

    static long entryOf(GpaSlab slab, int slot) {
        return slab.entryKey | slot;
    }

    /** The slab of an entry. */
    GpaSlab slabOf(long entry) {
        int id = (int) (entry >>> 32);
        GpaSlab[] known = slabsById;
        // Unsigned, as the bounds check of known[id] is, so that the compiler makes one check of both.
        if (Integer.compareUnsigned(id, known.length) >= 0) {
            slabsById = known = table.numbered();
        }
        return known[id];
    }

    static int slotOf(long entry) {
        return (int) entry;
    }

    /** The number of slots class {@code c} holds. */
    int count(int c) {
        return counts[c];
    }

    GpaSlab slab(int c, int n) {
        return slabOf(entries[entry(c, n)]);
    }

    int slot(int c, int n) {
        return slotOf(entries[entry(c, n)]);
    }

    /** Keeps a free slot of class {@code c}; the caller made room. */
    void add(int c, GpaSlab slab, int slot) {
        int n = counts[c];
        entries[entry(c, n)] = entryOf(slab, slot);
        counts[c] = n + 1;
    }

    /** Returns the older half of class {@code c}'s slots to their slabs, making room. */
    void flushHalf(int c, GpaSizeClass sizeClass) {
        int n = counts[c];
        int half = Math.max(1, n / 2);
        returnSlots(c, 0, half, sizeClass);
        System.arraycopy(entries, entry(c, half), entries, entry(c, 0), n - half);
        counts[c] = n - half;
    }

    /** Returns every cached slot to its slab (the thread ended, or the cache is dropped). */
    void flushAll(GpaSizeClass[] classes) {
        for (int c = 0; c < counts.length; c++) {
            returnSlots(c, 0, counts[c], classes[c]);
            counts[c] = 0;
        }
    }

    private void returnSlots(int c, int from, int to, GpaSizeClass sizeClass) {
        int i = from;
        while (i < to) {
            // Neighbouring entries often share a bitmap word: clear them with one atomic operation.
            GpaSlab slab = slab(c, i);
            int word = slot(c, i) >>> 6;
            long mask = 0;
            while (i < to && slab(c, i) == slab && slot(c, i) >>> 6 == word) {
                mask |= 1L << slot(c, i);
                i++;
            }
            sizeClass.release(slab, word, mask);
        }
    }
}
