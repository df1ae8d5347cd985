package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SecondAllocGuarded {
    void two(Allocator allocator) throws AllocationException {
        MemorySegment a = allocator.alloc(8);
        try {
            MemorySegment b = allocator.alloc(8);
            allocator.free(b);
        } finally {
            allocator.free(a);
        }
    }
}
