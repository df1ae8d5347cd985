package corpus.use_after_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ReassignedAfterFreeThenUsed {
    void reuse(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        allocator.free(s);
        s = allocator.alloc(8);
        s.fill((byte) 0);
        allocator.free(s);
    }
}
