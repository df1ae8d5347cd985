package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class Overwritten {
    void twice(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        s = allocator.alloc(16);
        allocator.free(s);
    }
}
