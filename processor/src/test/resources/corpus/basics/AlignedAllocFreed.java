package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class AlignedAllocFreed {
    void aligned(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(64, 16);
        allocator.free(s);
    }
}
