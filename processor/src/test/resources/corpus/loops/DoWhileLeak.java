package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class DoWhileLeak {
    void loop(Allocator allocator, int n) throws AllocationException {
        int i = 0;
        do {
            MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
            i++;
        } while (i < n);
    }
}
