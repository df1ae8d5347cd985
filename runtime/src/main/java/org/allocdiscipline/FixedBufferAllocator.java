package org.allocdiscipline;

import java.lang.foreign.MemorySegment;

/** Work in progress. */
@Owned
@Region
public final class FixedBufferAllocator implements Allocator, AutoCloseable {
    /** @param buffer the buffer */
    public FixedBufferAllocator(MemorySegment buffer) {
    }

    @Override
    public MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public MemorySegment realloc(MemorySegment memory, long newByteSize) throws AllocationException {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void free(MemorySegment memory) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
