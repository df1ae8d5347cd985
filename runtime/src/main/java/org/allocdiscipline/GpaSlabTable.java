package org.allocdiscipline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the slab that holds an address, on every free, without a lock and without boxing.
 * Slabs are only ever added (they stay until the allocator closes, so that a stale segment never
 * points into unmapped memory), which lets readers go lock-free: a writer publishes each slab with
 * a release store, a reader reads it with an acquire load, and a slab's base is final.
 */
final class GpaSlabTable {
    private static final VarHandle SLABS = MethodHandles.arrayElementVarHandle(GpaSlab[].class);

    /** Open addressing, linear probing; a slab is its own key (its base). */
    private volatile GpaSlab[] table = new GpaSlab[64];
    /**
     * Slab {@code i} at index {@code i}: thread caches name slabs by number, so that keeping one
     * stores no reference. Read without a barrier on every alloc: a reader knows a number only
     * through the slab, which it got after the slab was stored here (so it sees that store, in
     * this array or in a copy made later), and a grown copy is published through the final
     * field of a new {@link Numbered}, so a reader that sees the copy sees its contents.
     */
    private Numbered byId = new Numbered(new GpaSlab[64]);
    private int size;

    private record Numbered(GpaSlab[] slabs) {
    }

    /** Returns the slab whose base is {@code base}, or null. */
    GpaSlab find(long base) {
        GpaSlab[] t = table;
        int mask = t.length - 1;
        for (int i = hash(base) & mask; ; i = (i + 1) & mask) {
            GpaSlab slab = (GpaSlab) SLABS.getAcquire(t, i);
            if (slab == null || slab.base == base) {
                return slab;
            }
        }
    }

    /**
     * The slabs by number, null past the last one: the array the next numbers go to until it is
     * full. A thread knows a slab's number only after it got the slab itself, which happens after
     * the slab was added here.
     */
    GpaSlab[] numbered() {
        return byId.slabs;
    }

    /** Numbers {@code slab} and makes it findable by address and by number. */
    synchronized void add(GpaSlab slab) {
        slab.number(size);
        GpaSlab[] ids = byId.slabs;
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            ids[size] = slab;
            byId = new Numbered(ids);
        } else {
            ids[size] = slab;
        }
        GpaSlab[] t = table;
        if ((size + 1) * 2 > t.length) {
            GpaSlab[] grown = new GpaSlab[t.length * 2];
            for (GpaSlab s : t) {
                if (s != null) {
                    insert(grown, s);
                }
            }
            table = grown;
            t = grown;
        }
        insert(t, slab);
        size++;
    }

    synchronized List<GpaSlab> all() {
        List<GpaSlab> result = new ArrayList<>(size);
        for (GpaSlab s : table) {
            if (s != null) {
                result.add(s);
            }
        }
        return result;
    }

    private static void insert(GpaSlab[] t, GpaSlab slab) {
        int mask = t.length - 1;
        int i = hash(slab.base) & mask;
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        SLABS.setRelease(t, i, slab);
    }

    private static int hash(long base) {
        return (int) (((base >>> GpaSlab.SHIFT) * 0x9E3779B97F4A7C15L) >>> 32);
    }
}
