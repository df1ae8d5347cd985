package org.allocdiscipline.internal;

import java.lang.foreign.MemorySegment;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The lifetimes of the memory an allocator is built on. The allocator registers with a lifetime
 * as a {@link Lifetime.Dependent} while it holds memory of it, and unregisters before it gives
 * the last of that memory back itself (so that its own free does not release it). Thread-safe;
 * used when memory is taken or given back (a chunk, a slab, a buffer), never per allocation.
 * Not API.
 */
public final class Underneath {
    private final Lifetime.Dependent upper;
    /** How many pieces of memory of each lifetime the upper allocator holds. */
    private final Map<Lifetime, int[]> held = new IdentityHashMap<>(2);

    /**
     * Tracks the memory {@code upper} is built on.
     *
     * @param upper the allocator built on the memory
     */
    public Underneath(Lifetime.Dependent upper) {
        this.upper = upper;
    }

    /**
     * Notes that the upper allocator now builds on {@code memory}.
     *
     * @param memory memory taken from the allocator underneath
     */
    public synchronized void took(MemorySegment memory) {
        Lifetime lifetime = Lifetime.of(memory);
        if (lifetime != null) {
            int[] count = held.get(lifetime);
            if (count == null) {
                lifetime.add(upper);
                held.put(lifetime, new int[] {1});
            } else {
                count[0]++;
            }
        }
    }

    /**
     * Notes that the upper allocator is about to give {@code memory} back.
     *
     * @param memory memory earlier passed to {@link #took}
     */
    public synchronized void givingBack(MemorySegment memory) {
        Lifetime lifetime = Lifetime.of(memory);
        int[] count = lifetime == null ? null : held.get(lifetime);
        if (count != null && --count[0] == 0) {
            held.remove(lifetime);
            lifetime.remove(upper);
        }
    }

    /** Unregisters from every lifetime: the upper allocator gives everything back, or was released. */
    public synchronized void letGo() {
        for (Lifetime lifetime : held.keySet()) {
            lifetime.remove(upper);
        }
        held.clear();
    }
}
