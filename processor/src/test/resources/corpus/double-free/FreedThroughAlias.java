package corpus.double_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FreedThroughAlias {
    void twice(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        MemorySegment t = s;
        allocator.free(s);
        allocator.free(t); // expect: [double-free]
    }
}
