package corpus.double_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class NullAfterFree {
    MemorySegment cached;

    void reset(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        allocator.free(s);
        s = null;
        if (s != null) {
            allocator.free(s);
        }
    }
}
