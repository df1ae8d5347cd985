package org.allocdiscipline;

import java.lang.foreign.MemorySegment;

/**
 * The slabs of one power-of-two slot size, and the lock that guards them: threads that allocate
 * different sizes never contend. Slabs with at least one free slot form an intrusive list, most
 * recently freed-into first, so that alloc takes a slot in O(1) and reuses warm memory.
 */
final class GpaSizeClass {
    /** Requests up to this size and alignment are served from slabs. */
    static final int MAX_SHIFT = 12;
    static final int MIN_SHIFT = 4;

    final int shift;
    private final GeneralPurposeAllocator owner;
    private GpaSlab head;

    GpaSizeClass(GeneralPurposeAllocator owner, int shift) {
        this.owner = owner;
        this.shift = shift;
    }

    static int index(long sizeAndAlignment) {
        return sizeAndAlignment <= (1L << MIN_SHIFT)
                ? 0
                : 64 - Long.numberOfLeadingZeros(sizeAndAlignment - 1) - MIN_SHIFT;
    }

    /** Packs a request into 16 bits: size - 1 (up to 4095) and the alignment's log2 above 16 bytes. */
    static char meta(long size, long alignment) {
        int alignShift = Math.max(Long.numberOfTrailingZeros(alignment), MIN_SHIFT) - MIN_SHIFT;
        return (char) ((size - 1) | ((long) alignShift << MAX_SHIFT));
    }

    static long size(char meta) {
        return (meta & ((1 << MAX_SHIFT) - 1)) + 1L;
    }

    /** An alignment at least as strict as the one the slot was requested with. */
    static long alignment(char meta) {
        return 1L << ((meta >>> MAX_SHIFT) + MIN_SHIFT);
    }

    long slotSize() {
        return 1L << shift;
    }

    MemorySegment alloc(long size, long alignment) throws AllocationException {
        GpaSlab slab;
        int slot;
        synchronized (this) {
            owner.checkOpen();
            slab = head;
            if (slab == null) {
                slab = owner.obtainSlab(this, size);
                push(slab);
            }
            slot = slab.take(meta(size, alignment));
            if (slab.full()) {
                unlink(slab);
            }
        }
        return slab.view.asSlice((long) slot << shift, size);
    }

    /**
     * Frees {@code memory}, which lies in {@code slab}. Returns false when the slab changed hands
     * since the caller looked up its owner, so that the caller retries with the new owner.
     */
    boolean free(GpaSlab slab, MemorySegment memory) {
        synchronized (this) {
            if (slab.owner != this) {
                return false;
            }
            int slot = liveSlot(slab, memory);
            boolean wasFull = slab.full();
            slab.release(slot);
            if (wasFull) {
                push(slab);
            } else if (slab.live == 0 && (head != slab || slab.next != null)) {
                // Another slab can serve this class: hand the empty one to any class that needs one.
                unlink(slab);
                owner.retire(slab);
            }
            return true;
        }
    }

    /**
     * Resizes {@code memory} inside its slot when the new size belongs to this same class.
     * Returns null when the slab changed hands (retry), or {@link #MOVE} when the caller must move
     * the contents; {@code alignmentOut[0]} receives the slot's recorded alignment.
     */
    MemorySegment resizeInPlace(GpaSlab slab, MemorySegment memory, long newSize, long[] alignmentOut) {
        synchronized (this) {
            if (slab.owner != this) {
                return null;
            }
            int slot = liveSlot(slab, memory);
            long alignment = alignment(slab.meta(slot));
            alignmentOut[0] = alignment;
            if (index(Math.max(newSize, alignment)) + MIN_SHIFT != shift) {
                return MOVE;
            }
            slab.setMeta(slot, meta(newSize, alignment));
            return slab.view.asSlice((long) slot << shift, newSize);
        }
    }

    /** Returned by {@link #resizeInPlace} when the allocation must move to another class. */
    static final MemorySegment MOVE = MemorySegment.ofArray(new byte[0]);

    /** The recorded alignment of a live slot, or -1 when the slab changed hands (retry). */
    long alignmentOf(GpaSlab slab, MemorySegment memory) {
        synchronized (this) {
            return slab.owner != this ? -1 : alignment(slab.meta(liveSlot(slab, memory)));
        }
    }

    /** Shrinks in place after a move to a smaller class failed: shrinking must never fail. */
    MemorySegment shrinkInPlace(GpaSlab slab, MemorySegment memory, long newSize) {
        synchronized (this) {
            if (slab.owner != this) {
                return null;
            }
            int slot = liveSlot(slab, memory);
            slab.setMeta(slot, meta(newSize, alignment(slab.meta(slot))));
            return slab.view.asSlice((long) slot << shift, newSize);
        }
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
        if (!slab.isUsed(slot)) {
            throw new IllegalStateException("double free: the " + memory.byteSize() + "-byte segment at 0x"
                    + Long.toHexString(address) + " is not live in this GeneralPurposeAllocator;"
                    + " it was already freed (or realloc already consumed it)");
        }
        long recorded = size(slab.meta(slot));
        if (memory.byteSize() != recorded) {
            throw new IllegalArgumentException("wrong size: the allocation at 0x" + Long.toHexString(address)
                    + " has " + recorded + " bytes, but the segment passed has " + memory.byteSize()
                    + " bytes: free and realloc take the segment exactly as alloc returned it, not a slice");
        }
        return slot;
    }

    private void push(GpaSlab slab) {
        slab.listed = true;
        slab.previous = null;
        slab.next = head;
        if (head != null) {
            head.previous = slab;
        }
        head = slab;
    }

    private void unlink(GpaSlab slab) {
        if (!slab.listed) {
            return;
        }
        if (slab.previous != null) {
            slab.previous.next = slab.next;
        } else {
            head = slab.next;
        }
        if (slab.next != null) {
            slab.next.previous = slab.previous;
        }
        slab.previous = null;
        slab.next = null;
        slab.listed = false;
    }
}
