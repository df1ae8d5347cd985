package corpus.nested_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LocalClassLeaks {
    void outer(Allocator allocator) throws AllocationException {
        class Local {
            void work() throws AllocationException {
                MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
            }
        }
        new Local().work();
    }
}
