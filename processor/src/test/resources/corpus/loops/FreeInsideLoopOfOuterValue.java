package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FreeInsideLoopOfOuterValue {
    void loop(Allocator allocator, int n) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        for (int i = 0; i < n; i++) {
            allocator.free(s); // expect: [double-free]
        }
    }
}
