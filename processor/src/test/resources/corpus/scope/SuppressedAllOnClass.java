package corpus.scope;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

@SuppressWarnings("allocdiscipline")
class SuppressedAllOnClass {
    void leak(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        allocator.free(s);
        allocator.free(s);
    }
}
