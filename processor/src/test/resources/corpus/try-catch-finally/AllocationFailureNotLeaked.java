package corpus.try_catch_finally;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class AllocationFailureNotLeaked {
    void two(Allocator allocator) throws AllocationException {
        MemorySegment a = allocator.alloc(8);
        MemorySegment b;
        try {
            b = allocator.alloc(8);
        } catch (AllocationException e) {
            allocator.free(a);
            throw e;
        }
        allocator.free(b);
        allocator.free(a);
    }
}
