package corpus.synchronized_assert;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ShortCircuitConditions {
    void check(Allocator allocator, boolean a, boolean b) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        if (a && b || !a) {
            s.fill((byte) 1);
        }
        allocator.free(s);
    }
}
