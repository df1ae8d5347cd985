package corpus.realloc;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ReallocFailureHandled {
    void grow(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        MemorySegment bigger;
        try {
            bigger = allocator.realloc(s, 64);
        } catch (AllocationException e) {
            allocator.free(s);
            throw e;
        }
        allocator.free(bigger);
    }
}
