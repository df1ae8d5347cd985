package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class WhileLoopLeak {
    void loop(Allocator allocator, int n) throws AllocationException {
        int i = 0;
        while (i < n) {
            MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
            i++;
        }
    }
}
