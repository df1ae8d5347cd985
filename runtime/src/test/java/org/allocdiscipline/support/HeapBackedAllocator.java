package org.allocdiscipline.support;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.internal.Requests;

/**
 * A backing allocator for tests that needs nothing from the other allocators: memory from
 * automatic arenas, with a strict record of what is live, so that tests can check that an
 * allocator built on it gives everything back. It can be told to refuse requests.
 */
public final class HeapBackedAllocator implements Allocator {
    private final Map<Long, MemorySegment> live = new HashMap<>();
    private final Map<Long, Long> alignments = new HashMap<>();
    private long allocations;
    private long refuseAbove = Long.MAX_VALUE;

    @Override
    public synchronized MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException {
        Requests.check(byteSize, byteAlignment);
        if (byteSize == 0) {
            return Requests.empty(byteAlignment);
        }
        if (byteSize > refuseAbove) {
            throw new AllocationException(byteSize, "HeapBackedAllocator refuses requests above " + refuseAbove);
        }
        MemorySegment segment = Arena.ofAuto().allocate(byteSize, byteAlignment);
        live.put(segment.address(), segment);
        alignments.put(segment.address(), byteAlignment);
        allocations++;
        return segment;
    }

    @Override
    public synchronized MemorySegment realloc(MemorySegment memory, long newByteSize) throws AllocationException {
        Long recorded = alignments.get(memory.address());
        long alignment = recorded != null ? recorded : Requests.naturalAlignment(memory.address());
        MemorySegment moved = alloc(newByteSize, alignment);
        MemorySegment.copy(memory, 0, moved, 0, Math.min(newByteSize, memory.byteSize()));
        free(memory);
        return moved;
    }

    @Override
    public synchronized void free(MemorySegment memory) {
        if (memory.byteSize() == 0) {
            return;
        }
        MemorySegment recorded = live.get(memory.address());
        if (recorded == null || recorded.byteSize() != memory.byteSize()) {
            throw new IllegalArgumentException("HeapBackedAllocator: not a live allocation: " + memory);
        }
        live.remove(memory.address());
        alignments.remove(memory.address());
    }

    /** @return how many allocations are live */
    public synchronized int live() {
        return live.size();
    }

    /** @return how many allocations were ever made */
    public synchronized long allocations() {
        return allocations;
    }

    /** @param bytes from now on, requests larger than this fail with AllocationException */
    public synchronized void refuseAbove(long bytes) {
        refuseAbove = bytes;
    }
}
