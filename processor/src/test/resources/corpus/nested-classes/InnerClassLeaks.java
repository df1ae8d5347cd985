package corpus.nested_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class InnerClassLeaks {
    class Worker {
        void work(Allocator allocator) throws AllocationException {
            MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
            s.fill((byte) 0);
        }
    }
}
