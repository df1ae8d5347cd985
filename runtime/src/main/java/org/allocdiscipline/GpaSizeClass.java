package org.allocdiscipline;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The slabs of one power-of-two slot size. Allocation takes a slot from the CURRENT slab of the
 * calling thread's stripe without a lock (threads on different stripes touch different slabs);
 * the monitor is taken only to replace a full current slab and to keep the pool of slabs that
 * have free slots again.
 */
final class GpaSizeClass {
    /** Requests up to this size and alignment are served from slabs. */
    static final int MAX_SHIFT = 12;
    static final int MIN_SHIFT = 4;

    private static final VarHandle CURRENT = MethodHandles.arrayElementVarHandle(GpaSlab[].class);

    final int shift;
    private final GeneralPurposeAllocator owner;
    private final GpaSlab[] current;
    private final int stripeMask;
    private GpaSlab poolHead;

    GpaSizeClass(GeneralPurposeAllocator owner, int shift, int stripes) {
        this.owner = owner;
        this.shift = shift;
        this.current = new GpaSlab[stripes];
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

    MemorySegment alloc(long size, long alignment) throws AllocationException {
        int stripe = (int) Thread.currentThread().threadId() & stripeMask;
        GpaSlab slab = (GpaSlab) CURRENT.getAcquire(current, stripe);
        if (slab != null) {
            int slot = slab.take(false);
            if (slot >= 0) {
                return handOut(slab, slot, size, alignment);
            }
        }
        return allocSlow(stripe, size, alignment);
    }

    private MemorySegment allocSlow(int stripe, long size, long alignment) throws AllocationException {
        synchronized (this) {
            owner.checkOpen();
            GpaSlab slab = current[stripe];
            if (slab != null) {
                int slot = slab.take(true);
                if (slot < 0) {
                    // A free that lands between this scan and the state change sees CURRENT and does
                    // not pool the slab, so look once more after announcing the abandonment.
                    slab.state = GpaSlab.ABANDONED;
                    slot = slab.take(true);
                    if (slot >= 0 && slab.changeState(GpaSlab.ABANDONED, GpaSlab.CURRENT)) {
                        return handOut(slab, slot, size, alignment);
                    }
                }
                if (slot >= 0) {
                    // Either still current, or pooled by a concurrent free: the slot is ours either way.
                    if (slab.state != GpaSlab.CURRENT) {
                        replaceCurrent(stripe);
                    }
                    return handOut(slab, slot, size, alignment);
                }
            }
            GpaSlab next = replaceCurrent(stripe);
            int slot = next.take(true);
            if (slot < 0) {
                throw new IllegalStateException("internal error: a fresh slab had no free slot");
            }
            return handOut(next, slot, size, alignment);
        }
    }

    /** Installs a pooled or empty slab as the stripe's current one; caller holds the monitor. */
    private GpaSlab replaceCurrent(int stripe) throws AllocationException {
        GpaSlab next = null;
        while (poolHead != null && next == null) {
            GpaSlab candidate = poolHead;
            unlink(candidate);
            if (candidate.changeState(GpaSlab.POOLED, GpaSlab.CURRENT)) {
                candidate.hint = 0;
                next = candidate;
            }
        }
        if (next == null) {
            next = owner.obtainSlab(this);
        }
        CURRENT.setRelease(current, stripe, next);
        return next;
    }

    private MemorySegment handOut(GpaSlab slab, int slot, long size, long alignment) {
        slab.meta[slot] = meta(size, alignment);
        return slab.view.asSlice((long) slot << shift, size);
    }

    /** Frees {@code memory} straight into its slab, bypassing the thread cache. */
    void free(GpaSlab slab, MemorySegment memory) {
        int slot = liveSlot(slab, memory);
        long bit = 1L << slot;
        long before = slab.clear(slot);
        if ((before & bit) == 0) {
            throw doubleFree(memory);
        }
        if (slab.state != GpaSlab.CURRENT) {
            afterFreeIntoIdleSlab(slab, ((before & ~bit) & ~slab.padding) == 0);
        }
    }

    /** Gives cached (not live) slots back to their slab. */
    void release(GpaSlab slab, int word, long mask) {
        long before = slab.clearWord(word, mask);
        if (slab.state != GpaSlab.CURRENT) {
            afterFreeIntoIdleSlab(slab, ((before & ~mask) & ~(word == 0 ? slab.padding : 0)) == 0);
        }
    }

    /** Takes free slots of the stripe's current slab into the cache; best effort, false if it got none. */
    boolean refill(GpaThreadCache cache, int c, int room) {
        int stripe = (int) Thread.currentThread().threadId() & stripeMask;
        GpaSlab slab = (GpaSlab) CURRENT.getAcquire(current, stripe);
        return slab != null && slab.state == GpaSlab.CURRENT && slab.takeInto(cache, c, room) > 0;
    }

    /** Validates a free and marks the slot not live, for the caller to keep it in its cache. */
    int freeIntoCache(GpaSlab slab, MemorySegment memory) {
        int slot = liveSlot(slab, memory);
        slab.meta[slot] = 0;
        return slot;
    }

    private void afterFreeIntoIdleSlab(GpaSlab slab, boolean wordEmptied) {
        if (slab.state == GpaSlab.ABANDONED && slab.changeState(GpaSlab.ABANDONED, GpaSlab.POOLED)) {
            synchronized (this) {
                push(slab);
            }
        }
        if (wordEmptied && slab.state == GpaSlab.POOLED && slab.isEmpty()
                && slab.changeState(GpaSlab.POOLED, GpaSlab.EMPTYING)) {
            synchronized (this) {
                unlink(slab);
            }
            owner.retire(slab);
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
        return slab.view.asSlice((long) slot << shift, newSize);
    }

    private int liveSlot(GpaSlab slab, MemorySegment memory) {
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
        if (meta == 0 || !slab.isUsed(slot)) {
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
