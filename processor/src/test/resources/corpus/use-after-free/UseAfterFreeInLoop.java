package corpus.use_after_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class UseAfterFreeInLoop {
    void loop(Allocator allocator, int n) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        allocator.free(s);
        for (int i = 0; i < n; i++) {
            s.fill((byte) i); // expect: [use-after-free]
        }
    }
}
