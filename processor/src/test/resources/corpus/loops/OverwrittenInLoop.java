package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class OverwrittenInLoop {
    void loop(Allocator allocator, int n) throws AllocationException {
        MemorySegment s = null;
        for (int i = 0; i < n; i++) {
            s = allocator.alloc(8); // expect: [owned-not-freed]
        }
        if (s != null) {
            allocator.free(s);
        }
    }
}
