package corpus.try_catch_finally;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ContinueThroughFinally {
    void loop(Allocator allocator, int n) throws AllocationException {
        for (int i = 0; i < n; i++) {
            MemorySegment s = allocator.alloc(8);
            try {
                if (i % 2 == 0) {
                    continue;
                }
                s.fill((byte) i);
            } finally {
                allocator.free(s);
            }
        }
    }
}
