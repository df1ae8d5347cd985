package org.allocdiscipline;

import java.lang.foreign.MemorySegment;

/**
 * The slabs of one power-of-two slot size.
 *
 * <p><b>Taking slots.</b> Each stripe of threads (chosen by thread id) has a CURRENT slab, and
 * slots are taken from a slab only by its stripe, under the stripe's lock, while the slab is
 * CURRENT; the lock is taken once per refill of a thread cache, not per allocation. Frees clear
 * bits from any thread without a lock. So a slab in any other state only gains free slots, which
 * is what makes the rest of the life cycle safe: a pooled slab always has a free slot, and an
 * empty one stays empty until it is formatted again.
 *
 * <p><b>Letting a slab go.</b> When the current slab is full, the stripe marks it ABANDONED and
 * forgets it; the first free into it afterwards puts it in the pool (POOLED). A free that cleared
 * a bit just before the mark saw CURRENT and did nothing, so the stripe looks once more after
 * marking and takes the slab back if a slot came free. The class's monitor guards the pool and the
 * decision that a pooled slab is empty (POOLED to EMPTYING), which is therefore never taken while
 * the slab becomes some stripe's CURRENT one.
 *
 * <p><b>Lives.</b> A free reads the state after its bit is cleared, so it may run late: preempted
 * while its slab was emptied, formatted again (for any class), filled and let go. Its
 * ABANDONED-to-POOLED change is therefore bound to the slab's life it freed into (a count kept with
 * the state, read before the clear, while the freed slot still pins the slab), and a late free
 * changes nothing in a later life.
 */
final class GpaSizeClass {
    /** Requests up to this size and alignment are served from slabs. */
    static final int MAX_SHIFT = 12;
    static final int MIN_SHIFT = 4;

    final int shift;
    private final GeneralPurposeAllocator owner;
    /** Each stripe's CURRENT slab, or null; an entry is read and written only under its stripe's lock. */
    private final GpaSlab[] current;
    private final Object[] stripeLocks;
    private final int stripeMask;
    private GpaSlab poolHead;

    GpaSizeClass(GeneralPurposeAllocator owner, int shift, int stripes) {
        this.owner = owner;
        this.shift = shift;
        this.current = new GpaSlab[stripes];
        this.stripeLocks = new Object[stripes];
        for (int i = 0; i < stripes; i++) {
            stripeLocks[i] = new Object();
        }
        this.stripeMask = stripes - 1;
    }

    static int index(long sizeAndAlignment) {
        return sizeAndAlignment <= (1L << MIN_SHIFT)
                ? 0
                : 64 - Long.numberOfLeadingZeros(sizeAndAlignment - 1) - MIN_SHIFT;
    }

    private static final int SIZE_BITS = MAX_SHIFT + 1;
    private static final int SLOT_ALIGNED = 7;

    /**
     * Packs a live request into 16 bits, never 0 (0 marks a slot that is not live): the size (1 to
     * 4096) and a code for the alignment, 16 to 1024 bytes, or 7 for "the slot's own size", which
     * is at least the requested alignment since the class was chosen by it.
     */
    static char meta(long size, long alignment) {
        int code = Math.max(Long.numberOfTrailingZeros(alignment), MIN_SHIFT) - MIN_SHIFT;
        return (char) (size | ((long) Math.min(code, SLOT_ALIGNED) << SIZE_BITS));
    }

    static long size(char meta) {
        return meta & ((1 << SIZE_BITS) - 1);
    }

    /** An alignment at least as strict as the one the slot was requested with. */
    long alignment(char meta) {
        int code = meta >>> SIZE_BITS;
        return code == SLOT_ALIGNED ? slotSize() : 1L << (code + MIN_SHIFT);
    }

    long slotSize() {
        return 1L << shift;
    }

    /**
     * Puts at least one and at most {@code room} free slots of this class into the calling thread's
     * cache (class index {@code c}), from the stripe's current slab or, when that is full, from a
     * pooled or new one.
     */
    void refill(GpaThreadCache cache, int c, int room) throws AllocationException {
        refill(cache, c, room, (int) Thread.currentThread().threadId() & stripeMask);
    }

    /** {@link #refill(GpaThreadCache, int, int)} for a given stripe: lets a test drive two stripes. */
    void refill(GpaThreadCache cache, int c, int room, int stripe) throws AllocationException {
        synchronized (stripeLocks[stripe]) {
            owner.checkOpen();
            GpaSlab slab = current[stripe];
            while (slab == null || !takeFromCurrent(slab, stripe, cache, c, room)) {
                slab = replaceCurrent(stripe);
            }
        }
    }

    /**
     * Takes slots from the stripe's current slab; if it is full, lets it go (ABANDONED, forgotten by
     * the stripe) and returns false. Caller holds the stripe's lock.
     */
    private boolean takeFromCurrent(GpaSlab slab, int stripe, GpaThreadCache cache, int c, int room) {
        while (slab.takeInto(cache, c, room) == 0) {
            slab.setState(GpaSlab.ABANDONED);
            // A free that cleared a bit before this mark saw CURRENT and will not pool the slab:
            // take the slab back when a slot came free (unless such a free pooled it meanwhile).
            if (slab.isFull() || !slab.changeState(GpaSlab.ABANDONED, GpaSlab.CURRENT)) {
                current[stripe] = null;
                return false;
            }
        }
        return true;
    }

    /**
     * Installs a pooled or empty slab as the stripe's current one; caller holds the stripe's lock.
     * A pooled slab has a free slot: it was pooled by a free, and nobody takes slots from it there.
     */
    private GpaSlab replaceCurrent(int stripe) throws AllocationException {
        GpaSlab next = null;
        synchronized (this) {
            while (poolHead != null && next == null) {
                GpaSlab candidate = poolHead;
                unlink(candidate);
                if (candidate.changeState(GpaSlab.POOLED, GpaSlab.CURRENT)) {
                    next = candidate;
                }
            }
        }
        if (next == null) {
            next = owner.obtainSlab(this);
        }
        current[stripe] = next;
        return next;
    }

    /** Waits until no refill of this class is in flight (they hold a stripe's lock). */
    void awaitRefills() {
        for (Object lock : stripeLocks) {
            synchronized (lock) {
                Thread.onSpinWait();
            }
        }
    }

    /** Gives cached (not live) slots back to their slab. */
    void release(GpaSlab slab, int word, long mask) {
        // While the bits are set the slab cannot be emptied: this is the life the slots belong to.
        int life = slab.life();
        long before = slab.clearWord(word, mask);
        if (slab.state() != GpaSlab.CURRENT) {
            afterFreeIntoIdleSlab(slab, life, ((before & ~mask) & ~(word == 0 ? slab.padding : 0)) == 0);
        }
    }


    private void afterFreeIntoIdleSlab(GpaSlab slab, int life, boolean wordEmptied) {
        if (slab.state() == GpaSlab.ABANDONED && slab.changeState(life, GpaSlab.ABANDONED, GpaSlab.POOLED)) {
            synchronized (this) {
                // Pooled, emptied and formatted again meanwhile: then it is no longer ours to push.
                if (slab.state() == GpaSlab.POOLED && slab.sizeClass == this) {
                    push(slab);
                }
            }
        }
        if (wordEmptied && slab.state() == GpaSlab.POOLED && slab.isEmpty()) {
            boolean emptied;
            synchronized (this) {
                // Under the monitor no stripe can make the slab CURRENT, so "empty" holds.
                emptied = slab.state() == GpaSlab.POOLED && slab.sizeClass == this && slab.isEmpty()
                        && slab.changeState(GpaSlab.POOLED, GpaSlab.EMPTYING);
                if (emptied) {
                    unlink(slab);
                }
            }
            if (emptied) {
                owner.retire(slab);
            }
        }
    }

    /**
     * Resizes {@code memory} inside its slot when the new size belongs to this same class; returns
     * {@link #MOVE} when the caller must move the contents. {@code alignmentOut[0]} receives the
     * slot's recorded alignment.
     */
    MemorySegment resizeInPlace(GpaSlab slab, MemorySegment memory, long newSize, long[] alignmentOut) {
        int slot = liveSlot(slab, memory);
        long alignment = alignment(slab.meta[slot]);
        alignmentOut[0] = alignment;
        if (index(Math.max(newSize, alignment)) + MIN_SHIFT != shift) {
            return MOVE;
        }
        return resize(slab, slot, newSize, alignment);
    }

    /** Returned by {@link #resizeInPlace} when the allocation must move to another class. */
    static final MemorySegment MOVE = MemorySegment.ofArray(new byte[0]);

    /** Shrinks in place after a move to a smaller class failed: shrinking must never fail. */
    MemorySegment shrinkInPlace(GpaSlab slab, MemorySegment memory, long newSize) {
        int slot = liveSlot(slab, memory);
        return resize(slab, slot, newSize, alignment(slab.meta[slot]));
    }

    /** The recorded alignment of a live slot. */
    long alignmentOf(GpaSlab slab, MemorySegment memory) {
        return alignment(slab.meta[liveSlot(slab, memory)]);
    }

    private MemorySegment resize(GpaSlab slab, int slot, long newSize, long alignment) {
        slab.meta[slot] = meta(newSize, alignment);
        return owner.segmentAt(slab.base + ((long) slot << shift), newSize);
    }

    /** The live slot that {@code memory} is exactly; throws what is wrong with it otherwise. */
    int liveSlot(GpaSlab slab, MemorySegment memory) {
        long address = memory.address();
        long offset = address - slab.base;
        if ((offset & (slotSize() - 1)) != 0) {
            throw new IllegalArgumentException("0x" + Long.toHexString(address)
                    + " is not the start of an allocation (it lies inside the " + slotSize()
                    + "-byte slot at 0x" + Long.toHexString(address & -slotSize())
                    + "): free and realloc take the segment exactly as alloc returned it, not a slice");
        }
        int slot = (int) (offset >>> shift);
        char meta = slab.meta[slot];
        if (meta == 0) {
            throw doubleFree(memory);
        }
        long recorded = size(meta);
        if (memory.byteSize() != recorded) {
            throw new IllegalArgumentException("wrong size: the allocation at 0x" + Long.toHexString(address)
                    + " has " + recorded + " bytes, but the segment passed has " + memory.byteSize()
                    + " bytes: free and realloc take the segment exactly as alloc returned it, not a slice");
        }
        return slot;
    }

    static IllegalStateException doubleFree(MemorySegment memory) {
        return new IllegalStateException("double free: the " + memory.byteSize() + "-byte segment at 0x"
                + Long.toHexString(memory.address()) + " is not live in this GeneralPurposeAllocator;"
                + " it was already freed (or realloc already consumed it)");
    }

    private void push(GpaSlab slab) {
        if (slab.pooled) {
            return;
        }
        slab.pooled = true;
        slab.previous = null;
        slab.next = poolHead;
        if (poolHead != null) {
            poolHead.previous = slab;
        }
        poolHead = slab;
    }

    private void unlink(GpaSlab slab) {
        if (!slab.pooled) {
            return;
        }
        if (slab.previous != null) {
            slab.previous.next = slab.next;
        } else {
            poolHead = slab.next;
        }
        if (slab.next != null) {
            slab.next.previous = slab.previous;
        }
        slab.previous = null;
        slab.next = null;
        slab.pooled = false;
    }
}
