package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ThrowAfterAlloc {
    void check(Allocator allocator, int n) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed] "The owned value from `allocator.alloc(...)` is not freed when the `throw` on line 10 throws IllegalArgumentException"
        if (n < 0) {
            throw new IllegalArgumentException("negative");
        }
        allocator.free(s);
    }
}
