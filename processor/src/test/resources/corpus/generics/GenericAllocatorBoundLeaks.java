package corpus.generics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class GenericAllocatorBoundLeaks {
    <A extends Allocator> void work(A allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
    }
}
