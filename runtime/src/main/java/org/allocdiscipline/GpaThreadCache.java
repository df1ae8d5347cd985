package org.allocdiscipline;

/**
 * Free slots that one thread keeps for itself, per size class, so that an alloc or a free that
 * hits the cache needs no atomic instruction at all. A cached slot keeps its bit set in the slab
 * (no other thread can take it) and has its meta cleared (it is not live, so freeing it again is
 * still reported as a double free). Only the owning thread touches the arrays, except after the
 * thread ended, when {@link GeneralPurposeAllocator} returns the slots to their slabs.
 */
final class GpaThreadCache {
    /** Bytes a thread may hold back per size class. */
    private static final long BYTES_PER_CLASS = 16 * 1024;
    private static final int MAX_SLOTS = 64;

    final Thread thread;
    final GpaSlab[][] slabs;
    final int[][] slots;
    final int[] counts;

    GpaThreadCache(Thread thread, int classes) {
        this.thread = thread;
        this.slabs = new GpaSlab[classes][];
        this.slots = new int[classes][];
        this.counts = new int[classes];
        for (int c = 0; c < classes; c++) {
            int capacity = (int) Math.max(2, Math.min(MAX_SLOTS, BYTES_PER_CLASS >>> (c + GpaSizeClass.MIN_SHIFT)));
            slabs[c] = new GpaSlab[capacity];
            slots[c] = new int[capacity];
        }
    }

    /** Returns the older half of class {@code c}'s slots to their slabs, making room. */
    void flushHalf(int c, GpaSizeClass sizeClass) {
        int n = counts[c];
        int half = Math.max(1, n / 2);
        returnSlots(c, 0, half, sizeClass);
        System.arraycopy(slabs[c], half, slabs[c], 0, n - half);
        System.arraycopy(slots[c], half, slots[c], 0, n - half);
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
        GpaSlab[] cachedSlabs = slabs[c];
        int[] cachedSlots = slots[c];
        int i = from;
        while (i < to) {
            // Neighbouring entries often share a bitmap word: clear them with one atomic operation.
            GpaSlab slab = cachedSlabs[i];
            int word = cachedSlots[i] >>> 6;
            long mask = 0;
            while (i < to && cachedSlabs[i] == slab && cachedSlots[i] >>> 6 == word) {
                mask |= 1L << cachedSlots[i];
                i++;
            }
            sizeClass.release(slab, word, mask);
        }
    }
}
