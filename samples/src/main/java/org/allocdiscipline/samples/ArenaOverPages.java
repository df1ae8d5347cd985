package org.allocdiscipline.samples;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.ArenaAllocator;
import org.allocdiscipline.PageAllocator;

/**
 * The page allocator as a base allocator: an arena gets large chunks from it and serves small
 * allocations from those chunks (Zig: {@code ArenaAllocator.init(std.heap.page_allocator)}).
 */
public final class ArenaOverPages {
    private ArenaOverPages() {
    }

    public static void main(String[] args) throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            Allocator allocator = arena;
            long total = 0;
            for (int i = 0; i < 10_000; i++) {
                MemorySegment p = allocator.alloc(ValueLayout.JAVA_LONG, 1);
                p.set(ValueLayout.JAVA_LONG, 0, i);
                total += p.get(ValueLayout.JAVA_LONG, 0);
            }
            System.out.printf("10000 small allocations (sum %d) came from %d bytes of page-allocator chunks%n",
                    total, arena.capacity());
        }
        System.out.println("arena closed: every chunk went back to the page allocator");
    }
}
