package corpus.realloc;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ReallocFailureLeaksOld {
    void grow(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        MemorySegment bigger = allocator.realloc(s, 64);
        allocator.free(bigger);
    }
}
