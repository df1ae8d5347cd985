package corpus.double_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FreedInTryAndFinally {
    void twice(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        try {
            s.fill((byte) 1);
            allocator.free(s);
        } finally {
            allocator.free(s); // expect: [double-free]
        }
    }
}
