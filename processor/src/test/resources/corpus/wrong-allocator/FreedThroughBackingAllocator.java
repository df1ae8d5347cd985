package corpus.wrong_allocator;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// A segment from an arena freed through the allocator underneath the arena: the backing allocator
// never handed out that segment.
class FreedThroughBackingAllocator {
    void scratch(Allocator backing, long n) throws AllocationException {
        try (ArenaAllocator scratch = new ArenaAllocator(backing)) {
            MemorySegment s = scratch.alloc(n);
            backing.free(s); // expect: [wrong-allocator]
        }
    }

    void direct(Allocator backing, long n) throws AllocationException {
        try (ArenaAllocator scratch = new ArenaAllocator(backing)) {
            backing.free(scratch.alloc(n)); // expect: [wrong-allocator]
        }
    }

    void right(Allocator backing, long n) throws AllocationException {
        MemorySegment s = backing.alloc(n);
        try (ArenaAllocator scratch = new ArenaAllocator(backing)) {
            scratch.alloc(n).fill((byte) 0);
        } finally {
            backing.free(s);
        }
    }
}
