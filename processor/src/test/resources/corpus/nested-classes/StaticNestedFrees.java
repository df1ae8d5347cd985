package corpus.nested_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class StaticNestedFrees {
    static class Worker {
        void work(Allocator allocator) throws AllocationException {
            MemorySegment s = allocator.alloc(8);
            allocator.free(s);
        }
    }
}
