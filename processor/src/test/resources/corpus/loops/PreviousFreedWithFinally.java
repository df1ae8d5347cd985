package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class PreviousFreedWithFinally {
    void loop(Allocator allocator, int n) throws AllocationException {
        MemorySegment prev = null;
        try {
            for (int i = 0; i < n; i++) {
                MemorySegment cur = allocator.alloc(8);
                if (prev != null) {
                    allocator.free(prev);
                }
                prev = cur;
            }
        } finally {
            if (prev != null) {
                allocator.free(prev);
            }
        }
    }
}
