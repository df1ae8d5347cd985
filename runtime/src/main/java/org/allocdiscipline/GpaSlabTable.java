package org.allocdiscipline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the slab that holds an address, on every free, without a lock and without boxing.
 * Slabs are only ever added (they stay until the allocator closes, so that a stale segment never
 * points into unmapped memory), which lets readers go lock-free: a writer publishes a slab before
 * its key (release), a reader reads the key first (acquire).
 */
final class GpaSlabTable {
    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(long[].class);

    private record Table(long[] keys, GpaSlab[] slabs) {
        Table(int capacity) {
            this(new long[capacity], new GpaSlab[capacity]);
        }
    }

    private volatile Table table = new Table(64);
    private int size;

    /** Returns the slab whose base is {@code base}, or null. */
    GpaSlab find(long base) {
        Table t = table;
        long[] keys = t.keys;
        int mask = keys.length - 1;
        for (int i = hash(base) & mask; ; i = (i + 1) & mask) {
            long key = (long) KEYS.getAcquire(keys, i);
            if (key == base) {
                return t.slabs[i];
            }
            if (key == 0) {
                return null;
            }
        }
    }

    synchronized void add(GpaSlab slab) {
        Table t = table;
        if ((size + 1) * 2 > t.keys.length) {
            Table grown = new Table(t.keys.length * 2);
            for (GpaSlab s : t.slabs) {
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
        for (GpaSlab s : table.slabs) {
            if (s != null) {
                result.add(s);
            }
        }
        return result;
    }

    private static void insert(Table t, GpaSlab slab) {
        int mask = t.keys.length - 1;
        int i = hash(slab.base) & mask;
        while (t.keys[i] != 0) {
            i = (i + 1) & mask;
        }
        t.slabs[i] = slab;
        KEYS.setRelease(t.keys, i, slab.base);
    }

    private static int hash(long base) {
        return (int) (((base >>> GpaSlab.SHIFT) * 0x9E3779B97F4A7C15L) >>> 32);
    }
}
