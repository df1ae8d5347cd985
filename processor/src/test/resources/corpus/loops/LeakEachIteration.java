package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LeakEachIteration {
    void loop(Allocator allocator, int n) throws AllocationException {
        for (int i = 0; i < n; i++) {
            MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
            s.fill((byte) i);
        }
    }
}
