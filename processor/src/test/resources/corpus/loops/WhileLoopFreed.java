package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class WhileLoopFreed {
    void loop(Allocator allocator, int n) throws AllocationException {
        int i = 0;
        while (i < n) {
            MemorySegment s = allocator.alloc(8);
            i += (int) s.byteSize();
            allocator.free(s);
        }
    }
}
