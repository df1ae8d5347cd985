package corpus.double_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FreedTwice {
    void twice(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        allocator.free(s);
        allocator.free(s); // expect: [double-free]
    }
}
