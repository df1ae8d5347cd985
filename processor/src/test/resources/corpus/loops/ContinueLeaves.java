package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ContinueLeaves {
    void loop(Allocator allocator, int n) throws AllocationException {
        for (int i = 0; i < n; i++) {
            MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
            if (i % 2 == 0) {
                continue;
            }
            allocator.free(s);
        }
    }
}
