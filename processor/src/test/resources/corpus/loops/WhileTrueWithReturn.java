package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class WhileTrueWithReturn {
    int loop(Allocator allocator) throws AllocationException {
        int i = 0;
        while (true) {
            MemorySegment s = allocator.alloc(8);
            i++;
            allocator.free(s);
            if (i > 10) {
                return i;
            }
        }
    }
}
