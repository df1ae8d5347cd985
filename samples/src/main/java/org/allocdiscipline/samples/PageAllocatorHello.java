package org.allocdiscipline.samples;

import java.lang.foreign.MemorySegment;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.PageAllocator;

/** The source document's first program: 100 bytes from the page allocator, zeroed, freed. */
public final class PageAllocatorHello {
    private PageAllocatorHello() {
    }

    public static void main(String[] args) throws AllocationException {
        Allocator allocator = PageAllocator.INSTANCE;

        MemorySegment bytes = allocator.alloc(100);
        try {
            bytes.fill((byte) 0);
            System.out.printf("allocated %d bytes%n", bytes.byteSize());
        } finally {
            allocator.free(bytes);
        }
    }
}
