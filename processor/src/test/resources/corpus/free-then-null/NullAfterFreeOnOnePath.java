package corpus.free_then_null;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// Freed and set to null on one path: the later guarded free runs only on the other path.
class NullAfterFreeOnOnePath {
    void reset(Allocator allocator, boolean early) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        if (early) {
            allocator.free(s);
            s = null;
        }
        if (s != null) {
            allocator.free(s);
        }
    }

    void stillOwedWithoutTheGuard(Allocator allocator, boolean early) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        if (early) {
            allocator.free(s);
            s = null;
        }
    }

    void aliasStillHoldsIt(Allocator allocator, boolean early) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        MemorySegment alias = s;
        allocator.free(s);
        s = null;
        allocator.free(alias); // expect: [double-free]
    }
}
