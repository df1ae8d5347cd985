package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class Discarded {
    void waste(Allocator allocator) throws AllocationException {
        allocator.alloc(8); // expect: [owned-not-freed] "The owned value from `allocator.alloc(...)` is discarded: the result is never stored"
    }
}
