package corpus.try_catch_finally;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class BreakThroughFinally {
    void loop(Allocator allocator, int n) throws AllocationException {
        for (int i = 0; i < n; i++) {
            MemorySegment s = allocator.alloc(8);
            try {
                if (i == 3) {
                    break;
                }
                s.fill((byte) i);
            } finally {
                allocator.free(s);
            }
        }
    }
}
