package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class BreakLeaves {
    void loop(Allocator allocator, int n) throws AllocationException {
        for (int i = 0; i < n; i++) {
            MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed] "The owned value from `allocator.alloc(...)` is not freed on the path through the `break` on line 11"
            if (i == 5) {
                break;
            }
            allocator.free(s);
        }
    }
}
