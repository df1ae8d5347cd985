package corpus.double_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FreedOnceEachBranch {
    void once(Allocator allocator, boolean f) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        if (f) {
            s.fill((byte) 1);
            allocator.free(s);
        } else {
            allocator.free(s);
        }
    }
}
