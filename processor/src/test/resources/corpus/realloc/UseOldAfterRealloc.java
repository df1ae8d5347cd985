package corpus.realloc;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class UseOldAfterRealloc {
    void grow(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        MemorySegment bigger;
        try {
            bigger = allocator.realloc(s, 64);
        } catch (AllocationException e) {
            allocator.free(s);
            throw e;
        }
        s.fill((byte) 0); // expect: [use-after-free]
        allocator.free(bigger);
    }
}
