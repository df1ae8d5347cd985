package org.allocdiscipline.samples;

import java.lang.foreign.MemorySegment;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.PageAllocator;

/** A large, independent region straight from the operating system: one megabyte. */
public final class OneMegabyteRegion {
    private OneMegabyteRegion() {
    }

    public static void main(String[] args) throws AllocationException {
        MemorySegment buffer = PageAllocator.INSTANCE.alloc(1024 * 1024);
        try {
            buffer.fill((byte) 0x2A);
            System.out.printf("one region of %d bytes, %d pages of %d bytes%n",
                    buffer.byteSize(), buffer.byteSize() / PageAllocator.pageSize(), PageAllocator.pageSize());
        } finally {
            PageAllocator.INSTANCE.free(buffer);
        }
    }
}
