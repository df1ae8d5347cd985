package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class OverwrittenAfterFree {
    void twice(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        allocator.free(s);
        s = allocator.alloc(16);
        allocator.free(s);
    }
}
