package corpus.unchecked;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class UncheckedNoCallBetween {
    void work(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        allocator.free(s);
    }
}
