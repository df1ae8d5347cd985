package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ContinueAfterFree {
    void loop(Allocator allocator, int n) throws AllocationException {
        for (int i = 0; i < n; i++) {
            MemorySegment s = allocator.alloc(8);
            if (i % 2 == 0) {
                allocator.free(s);
                continue;
            }
            allocator.free(s);
        }
    }
}
