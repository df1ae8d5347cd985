package corpus.use_after_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class UseOnOnePathOnly {
    void maybe(Allocator allocator, boolean f) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        if (f) {
            allocator.free(s);
            return;
        }
        s.fill((byte) 1);
        allocator.free(s);
    }
}
