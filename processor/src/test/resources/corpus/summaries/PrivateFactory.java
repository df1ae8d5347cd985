package corpus.summaries;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// A private factory that returns a fresh allocation: its callers own the result, and the factory
// itself hands it on.
class PrivateFactory {
    void freed(Allocator allocator) throws AllocationException {
        MemorySegment s = zeroed(allocator, 32);
        allocator.free(s);
    }

    void leaks(Allocator allocator) throws AllocationException {
        MemorySegment s = zeroed(allocator, 32); // expect: [owned-not-freed]
        s.fill((byte) 2);
    }

    void freesTwice(Allocator allocator) throws AllocationException {
        MemorySegment s = zeroed(allocator, 32);
        allocator.free(s);
        allocator.free(s); // expect: [double-free]
    }

    void discards(Allocator allocator) throws AllocationException {
        zeroed(allocator, 8); // expect: [owned-not-freed] "discarded"
    }

    private static MemorySegment zeroed(Allocator allocator, long size) throws AllocationException {
        MemorySegment s = allocator.alloc(size);
        s.fill((byte) 0);
        return s;
    }
}
