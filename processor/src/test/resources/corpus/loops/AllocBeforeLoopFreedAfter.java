package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class AllocBeforeLoopFreedAfter {
    void loop(Allocator allocator, int n) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        for (int i = 0; i < n; i++) {
            s.set(java.lang.foreign.ValueLayout.JAVA_BYTE, i % 8, (byte) i);
        }
        allocator.free(s);
    }
}
