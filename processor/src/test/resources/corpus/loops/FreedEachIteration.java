package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FreedEachIteration {
    void loop(Allocator allocator, int n) throws AllocationException {
        for (int i = 0; i < n; i++) {
            MemorySegment s = allocator.alloc(8);
            s.fill((byte) i);
            allocator.free(s);
        }
    }
}
