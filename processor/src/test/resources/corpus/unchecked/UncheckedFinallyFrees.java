package corpus.unchecked;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class UncheckedFinallyFrees {
    void work(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        try {
            System.out.println(s.byteSize());
        } finally {
            allocator.free(s);
        }
    }
}
