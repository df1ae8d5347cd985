package corpus.summaries;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// A method that returns what it was given, or a fresh value on one path only, is no factory: the fresh
// value is reported in the method, and the caller keeps what it passed.
class FactoryReturnsBorrowed {
    void caller(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        MemorySegment same = pick(s);
        same.fill((byte) 0);
        allocator.free(s);
    }

    private static MemorySegment pick(MemorySegment given) {
        return given;
    }

    private static MemorySegment orFresh(Allocator allocator, MemorySegment given) throws AllocationException {
        if (given != null) {
            return given;
        }
        return allocator.alloc(8); // expect: [owned-not-freed] "not @Owned"
    }
}
