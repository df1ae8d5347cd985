package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LeakAtReturn {
    int first(Allocator allocator, boolean quick) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed] "The owned value from `allocator.alloc(...)` is not freed on the path through the `return` on line 10"
        if (quick) {
            return 0;
        }
        allocator.free(s);
        return 1;
    }
}
