package corpus.realloc;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ReallocReplacesValue {
    void grow(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        s = allocator.realloc(s, 64); // a failed realloc leaves s owned, and the exception leaves the method
        allocator.free(s);
    }
}
