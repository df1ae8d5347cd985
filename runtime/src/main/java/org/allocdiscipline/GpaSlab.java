package org.allocdiscipline;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One 64 KiB block from the backing allocator, cut into equal slots of one size class.
 *
 * <p>A slot's bit in {@link #used} says whether it is taken: live, or held in a thread's cache
 * (then its meta is 0). A slot's meta is non-zero only while it is live, so only while its bit is
 * set: the thread that gives a slot back clears the meta before it clears the bit, and a slot is
 * handed out (meta written) only after its bit was set; a free therefore needs only the meta to
 * tell a live slot from a freed one. Bits change only atomically (a CAS to take slots, an atomic AND to free
 * one), so a free needs no lock, and a double free is caught exactly even when two threads race
 * to free the same slot. Slots are taken only by the stripe whose CURRENT slab this is (see
 * {@link GpaSizeClass}). {@link #meta} keeps each
 * live slot's requested size and alignment, so that a free with the wrong size is caught and
 * realloc keeps the alignment; it is written by the thread that took the slot, and read by
 * whoever frees it after being handed the segment.
 *
 * <p>Life cycle ({@link #state()}): CURRENT (one stripe of its class takes slots from it), ABANDONED
 * (found full and let go; the first free puts it back in its class's pool), POOLED (in the pool,
 * has a free slot, gives out none), EMPTYING and EMPTY (all slots free, waiting for any class in
 * the allocator's pool). The format fields change only while EMPTY, when no live segment points in.
 */
final class GpaSlab {
    static final int SHIFT = 16;
    static final long SIZE = 1L << SHIFT;

    static final int CURRENT = 0;
    static final int ABANDONED = 1;
    static final int POOLED = 2;
    static final int EMPTYING = 3;
    static final int EMPTY = 4;

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(GpaSlab.class, "lifeAndState", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The segment as the backing allocator returned it: what close gives back. */
    final MemorySegment raw;
    final long base;
    /** The slab's number in its allocator's {@link GpaSlabTable}, given before anyone else can see the slab. */
    int id;
    /** {@link #id} shifted to where a thread cache's entry keeps it, so that a free makes its entry with one OR. */
    long entryKey;

    /** The class the slab serves; null while EMPTY. */
    volatile GpaSizeClass sizeClass;
    /**
     * The state in the low bits, and above them the slab's life: how many times it was formatted. A
     * free binds its state change to the life its slot belonged to, so that a free that was
     * preempted while the slab was emptied and formatted again cannot act on the new life.
     */
    private volatile int lifeAndState = EMPTY;
    private static final int STATE_BITS = 3;
    private static final int STATE_MASK = (1 << STATE_BITS) - 1;

    int slotShift;
    /**
     * How many slots of this slab's class a thread cache may hold ({@link GpaThreadCache#capacity}),
     * set with {@link #slotShift}: a free reads it in one load where the capacity takes a few
     * instructions to compute. At most {@link GpaThreadCache#MAX_SLOTS} in every format, so a free
     * that read it from another format than its class (a misuse racing with the slab's emptying)
     * still keeps its class's stack within bounds.
     */
    int cacheCapacity;
    int slotCount;
    /** Bits past the last slot, set forever so that they are never taken (classes with fewer than 64 slots). */
    long padding;
    long[] used = new long[0];
    char[] meta = new char[0];
    /** Where the search for a free slot starts; written only by the stripe that holds the slab. */
    int hint;

    /** The class's pool list; guarded by the class's monitor. */
    GpaSlab previous;
    GpaSlab next;
    boolean pooled;

    /** A slab that holds no address of any allocator: a starting point for lookups that must not be null. */
    static final GpaSlab NONE = new GpaSlab(MemorySegment.NULL);

    GpaSlab(MemorySegment raw) {
        this.raw = raw;
        this.base = raw.address();
    }

    /** Gives the slab its number in the table; before anyone else can see the slab. */
    void number(int number) {
        id = number;
        entryKey = (long) number << 32;
    }

    /** Prepares an EMPTY slab for a class and makes it CURRENT; the class is published last. */
    void format(GpaSizeClass owner) {
        int shift = owner.shift;
        if (shift != slotShift || used.length == 0) {
            slotShift = shift;
            cacheCapacity = GpaThreadCache.capacity(shift - GpaSizeClass.MIN_SHIFT);
            slotCount = (int) (SIZE >>> shift);
            used = new long[(slotCount + 63) >>> 6];
            meta = new char[slotCount];
            padding = slotCount < 64 ? -1L << slotCount : 0;
        }
        // Every slot is free: EMPTY guarantees it, so only the padding needs setting.
        used[0] = padding;
        hint = 0;
        lifeAndState = ((life() + 1) << STATE_BITS) | CURRENT;
        sizeClass = owner;
    }

    /** The state: CURRENT, ABANDONED, POOLED, EMPTYING or EMPTY. */
    int state() {
        return lifeAndState & STATE_MASK;
    }

    /** How many times the slab was formatted; read before a free clears its bit, it names the slot's life. */
    int life() {
        return lifeAndState >>> STATE_BITS;
    }

    /** Sets the state within the current life; only by whoever holds the slab in the state it leaves. */
    void setState(int state) {
        lifeAndState = (lifeAndState & ~STATE_MASK) | state;
    }

    boolean isUsed(int slot) {
        return ((long) WORDS.getAcquire(used, slot >>> 6) & (1L << slot)) != 0;
    }

    /** Clears a slot's bit; returns the word as it was before. */
    long clear(int slot) {
        return (long) WORDS.getAndBitwiseAnd(used, slot >>> 6, ~(1L << slot));
    }

    /** Clears the bits of {@code mask} in one word; returns the word as it was before. */
    long clearWord(int word, long mask) {
        return (long) WORDS.getAndBitwiseAnd(used, word, ~mask);
    }

    /**
     * Takes up to {@code room} free slots of one word and puts them into the cache of class
     * {@code c}, marked not live; returns how many it took, 0 only if every slot is taken. Only the
     * stripe that holds the slab as CURRENT calls it, under its lock; a lost CAS means a concurrent
     * free, so the word is read again.
     */
    int takeInto(GpaThreadCache cache, int c, int room) {
        long[] words = used;
        int w = hint;
        for (int i = 0; i < words.length; i++, w++) {
            if (w == words.length) {
                w = 0;
            }
            long bits = (long) WORDS.getAcquire(words, w);
            while (bits != -1L) {
                long mask = lowestFreeBits(bits, room);
                long witness = (long) WORDS.compareAndExchange(words, w, bits, bits | mask);
                if (witness == bits) {
                    hint = w;
                    return cache(cache, c, w, mask);
                }
                bits = witness;
            }
        }
        return 0;
    }

    /** Up to {@code room} of the clear bits of {@code bits}, lowest first. */
    private static long lowestFreeBits(long bits, int room) {
        long free = ~bits;
        long mask = 0;
        for (int taken = 0; free != 0 && taken < room; taken++) {
            long bit = Long.lowestOneBit(free);
            mask |= bit;
            free &= ~bit;
        }
        return mask;
    }

    private int cache(GpaThreadCache cache, int c, int w, long mask) {
        int taken = 0;
        for (long rest = mask; rest != 0; rest &= rest - 1) {
            int slot = (w << 6) | Long.numberOfTrailingZeros(rest);
            meta[slot] = 0;
            cache.add(c, this, slot);
            taken++;
        }
        return taken;
    }

    /**
     * Whether the slot at {@code offset} in the slab starts there and is live with {@code byteSize}
     * bytes; {@code shift} is the slab's {@link #slotShift}, read once by the caller, which
     * derives the slot and its class from that same read. If not, the caller finds out why.
     */
    boolean holdsLive(int offset, int shift, long byteSize) {
        char[] metas = meta;
        int slot = offset >>> shift;
        // A slot's start shifts back to itself (one instruction less than masking the low bits).
        if (slot << shift != offset || Integer.compareUnsigned(slot, metas.length) >= 0) {
            return false;
        }
        char recorded = metas[slot];
        return recorded != 0 && GpaSizeClass.size(recorded) == byteSize;
    }

    /** Whether every slot is taken, read with the ordering that pairs with a free's atomic clear. */
    boolean isFull() {
        long[] words = used;
        for (int w = 0; w < words.length; w++) {
            if ((long) WORDS.getVolatile(words, w) != -1L) {
                return false;
            }
        }
        return true;
    }

    boolean isEmpty() {
        long[] words = used;
        if ((long) WORDS.getAcquire(words, 0) != padding) {
            return false;
        }
        for (int w = 1; w < words.length; w++) {
            if ((long) WORDS.getAcquire(words, w) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Live slots: bit set and meta recorded (a cached slot has its bit set but no meta). */
    int liveCount() {
        int count = 0;
        for (int slot = 0; slot < slotCount; slot++) {
            if (meta[slot] != 0 && isUsed(slot)) {
                count++;
            }
        }
        return count;
    }

    /** Changes the state from {@code from} to {@code to} within the life the slab is in now. */
    boolean changeState(int from, int to) {
        int now = lifeAndState;
        return (now & STATE_MASK) == from && STATE.compareAndSet(this, now, (now & ~STATE_MASK) | to);
    }

    /** Changes the state from {@code from} to {@code to} only if the slab is still in {@code life}. */
    boolean changeState(int life, int from, int to) {
        return STATE.compareAndSet(this, (life << STATE_BITS) | from, (life << STATE_BITS) | to);
    }

    /** Appends "size at address" for each live slot, up to {@code limit} entries; returns how many it wrote. */
    int describeLive(StringBuilder out, int limit) {
        int written = 0;
        for (int slot = 0; slot < slotCount && written < limit; slot++) {
            if (meta[slot] != 0 && isUsed(slot)) {
                out.append("\n  ").append(GpaSizeClass.size(meta[slot])).append(" bytes at 0x")
                        .append(Long.toHexString(base + ((long) slot << slotShift)))
                        .append(" (").append(1L << slotShift).append("-byte class)");
                written++;
            }
        }
        return written;
    }
}
