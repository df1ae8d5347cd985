package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ThrowAfterFree {
    void check(Allocator allocator, int n) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        if (n < 0) {
            allocator.free(s);
            throw new IllegalArgumentException("negative");
        }
        allocator.free(s);
    }
}
