package org.allocdiscipline;

/**
 * Free slots that one thread keeps for itself, per size class, so that an alloc or a free that
 * hits the cache needs no atomic instruction at all. A cached slot keeps its bit set in the slab
 * (no other thread can take it) and has its meta cleared (it is not live, so freeing it again is
 * still reported as a double free). Only the owning thread touches the arrays, except after the
 * thread ended, when {@link GeneralPurposeAllocator} returns the slots to their slabs.
 *
 * <p>The stacks of all classes share two flat arrays, class {@code c}'s entries starting at
 * {@code c * MAX_SLOTS}: an alloc or a free reaches its entry in two loads from the cache
 * instead of three.
 */
final class GpaThreadCache {
    /** Bytes a thread may hold back per size class. */
    private static final long BYTES_PER_CLASS = 16 * 1024;
    /** The most slots a thread holds back per class; also the stride between the classes' stacks. */
    static final int MAX_SLOTS = 64;
    private static final int STRIDE_SHIFT = 6;

    /** The owner, or null for {@link #NONE}. */
    final Thread thread;
    final GpaSlab[] slabs;
    final int[] slots;
    final int[] counts;

    /** Stands in for "no cache" in a lookup table: it belongs to no thread, so every lookup that finds it misses. */
    static final GpaThreadCache NONE = new GpaThreadCache(null, 0);

    GpaThreadCache(Thread thread, int classes) {
        this.thread = thread;
        this.slabs = new GpaSlab[classes << STRIDE_SHIFT];
        this.slots = new int[classes << STRIDE_SHIFT];
        this.counts = new int[classes];
    }

    /** How many slots class {@code c} may hold: at most 16 KiB of them, at most 64, at least 2. */
    static int capacity(int c) {
        return (int) Math.max(2, Math.min(MAX_SLOTS, BYTES_PER_CLASS >>> (c + GpaSizeClass.MIN_SHIFT)));
    }

    /** Where class {@code c}'s {@code n}-th entry is in {@link #slabs} and {@link #slots}. */
    static int entry(int c, int n) {
        return (c << STRIDE_SHIFT) + n;
    }

    /** The number of slots class {@code c} holds. */
    int count(int c) {
        return counts[c];
    }

    GpaSlab slab(int c, int n) {
        return slabs[entry(c, n)];
    }

    int slot(int c, int n) {
        return slots[entry(c, n)];
    }

    /** Keeps a free slot of class {@code c}; the caller made room. */
    void add(int c, GpaSlab slab, int slot) {
        int n = counts[c];
        slabs[entry(c, n)] = slab;
        slots[entry(c, n)] = slot;
        counts[c] = n + 1;
    }

    /** Returns the older half of class {@code c}'s slots to their slabs, making room. */
    void flushHalf(int c, GpaSizeClass sizeClass) {
        int n = counts[c];
        int half = Math.max(1, n / 2);
        returnSlots(c, 0, half, sizeClass);
        System.arraycopy(slabs, entry(c, half), slabs, entry(c, 0), n - half);
        System.arraycopy(slots, entry(c, half), slots, entry(c, 0), n - half);
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
