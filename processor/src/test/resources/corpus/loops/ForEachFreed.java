package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ForEachFreed {
    void loop(Allocator allocator, long[] sizes) throws AllocationException {
        for (long size : sizes) {
            MemorySegment s = allocator.alloc(size);
            allocator.free(s);
        }
    }
}
