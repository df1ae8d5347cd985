package corpus.double_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FreedOnBothBranchesThenAgain {
    void twice(Allocator allocator, boolean f) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        if (f) {
            allocator.free(s);
        }
        allocator.free(s); // expect: [double-free]
    }
}
