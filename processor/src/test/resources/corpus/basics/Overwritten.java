package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class Overwritten {
    void twice(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed] "The owned value from `allocator.alloc(...)` is lost when its variable is overwritten on line 9"
        s = allocator.alloc(16);
        allocator.free(s);
    }
}
