package corpus.generics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class WildcardAllocatorList {
    void each(java.util.List<? extends Allocator> allocators) throws AllocationException {
        for (Allocator allocator : allocators) {
            MemorySegment s = allocator.alloc(8);
            allocator.free(s);
        }
    }
}
