package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class DoWhileFreed {
    void loop(Allocator allocator, int n) throws AllocationException {
        int i = 0;
        do {
            MemorySegment s = allocator.alloc(8);
            allocator.free(s);
            i++;
        } while (i < n);
    }
}
