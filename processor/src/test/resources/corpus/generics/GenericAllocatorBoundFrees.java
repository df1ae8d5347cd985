package corpus.generics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class GenericAllocatorBoundFrees {
    <A extends Allocator> void work(A allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        allocator.free(s);
    }
}
