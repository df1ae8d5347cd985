package corpus.free_then_null;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// A helper that frees its parameter and then sets it to null has still released the caller's value.
class HelperFreesAndNullsParameter {
    void caller(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        release(allocator, s);
    }

    void twice(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        release(allocator, s);
        allocator.free(s); // expect: [double-free] "released by `release(...)`"
    }

    private static void release(Allocator allocator, MemorySegment s) {
        allocator.free(s);
        s = null;
    }
}
