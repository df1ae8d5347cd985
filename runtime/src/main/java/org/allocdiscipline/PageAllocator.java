package org.allocdiscipline;

import java.lang.foreign.MemorySegment;

/** Work in progress: replaced by the real implementation before issue 3 lands. */
public final class PageAllocator implements Allocator {
    /** The shared page allocator. */
    public static final PageAllocator INSTANCE = new PageAllocator();

    private PageAllocator() {
    }

    /** @return the page size */
    public static long pageSize() {
        return 4096;
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
}
