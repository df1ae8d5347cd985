package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class PreviousFreedEachRound {
    void loop(Allocator allocator, int n) throws AllocationException {
        MemorySegment prev = null;
        for (int i = 0; i < n; i++) {
            MemorySegment cur = allocator.alloc(8); // expect: [owned-not-freed]
            if (prev != null) {
                allocator.free(prev);
            }
            prev = cur;
        }
        if (prev != null) {
            allocator.free(prev);
        }
    }
}
