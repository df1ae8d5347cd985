package org.allocdiscipline;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * One 64 KiB block from the backing allocator, cut into equal slots of one size class. A slot's
 * bit in {@link #used} tells whether it is live (double frees are caught there), and
 * {@link #meta} keeps the size and alignment that each live slot was requested with, so that a
 * free with the wrong size is caught and realloc keeps the alignment. All mutable state is
 * guarded by the owning {@link GpaSizeClass}'s monitor.
 */
final class GpaSlab {
    static final int SHIFT = 16;
    static final long SIZE = 1L << SHIFT;

    /** The segment as the backing allocator returned it: what close gives back. */
    final MemorySegment raw;
    /** The same memory in the allocator's own scope: what slots are sliced from. */
    final MemorySegment view;
    final long base;

    /** The class the slab currently serves; null while it waits empty in the pool. */
    volatile GpaSizeClass owner;
    int slotShift;
    int slotCount;
    int live;
    private long[] used = new long[0];
    private char[] meta = new char[0];
    private int hint;

    GpaSlab previous;
    GpaSlab next;
    boolean listed;

    GpaSlab(MemorySegment raw, MemorySegment view) {
        this.raw = raw;
        this.view = view;
        this.base = raw.address();
    }

    /** Prepares an empty slab for a class; the owner is published last. */
    void format(GpaSizeClass sizeClass) {
        int shift = sizeClass.shift;
        if (shift != slotShift || used.length == 0) {
            slotShift = shift;
            slotCount = (int) (SIZE >>> shift);
            used = new long[(slotCount + 63) >>> 6];
            meta = new char[slotCount];
        } else {
            Arrays.fill(used, 0);
        }
        if (slotCount < 64) {
            // Bits past the last slot look taken, so that take() never hands them out.
            used[0] = -1L << slotCount;
        }
        live = 0;
        hint = 0;
        listed = false;
        previous = null;
        next = null;
        owner = sizeClass;
    }

    boolean full() {
        return live == slotCount;
    }

    int take(char slotMeta) {
        long[] words = used;
        for (int w = hint; w < words.length; w++) {
            long bits = words[w];
            if (bits != -1L) {
                int bit = Long.numberOfTrailingZeros(~bits);
                words[w] = bits | (1L << bit);
                int slot = (w << 6) | bit;
                meta[slot] = slotMeta;
                live++;
                hint = w;
                return slot;
            }
        }
        throw new IllegalStateException("internal error: a listed slab had no free slot");
    }

    boolean isUsed(int slot) {
        return (used[slot >>> 6] & (1L << slot)) != 0;
    }

    char meta(int slot) {
        return meta[slot];
    }

    void setMeta(int slot, char slotMeta) {
        meta[slot] = slotMeta;
    }

    void release(int slot) {
        int w = slot >>> 6;
        used[w] &= ~(1L << slot);
        live--;
        if (w < hint) {
            hint = w;
        }
    }

    /** Appends "size@address" of each live slot, up to {@code limit} entries; returns how many it wrote. */
    int describeLive(StringBuilder out, int limit) {
        int written = 0;
        for (int slot = 0; slot < slotCount && written < limit; slot++) {
            if (isUsed(slot)) {
                out.append("\n  ").append(GpaSizeClass.size(meta[slot])).append(" bytes at 0x")
                        .append(Long.toHexString(base + ((long) slot << slotShift)))
                        .append(" (").append(1L << slotShift).append("-byte class)");
                written++;
            }
        }
        return written;
    }
}
