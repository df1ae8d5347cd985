package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LeakOnSecondAlloc {
    void two(Allocator allocator) throws AllocationException {
        MemorySegment a = allocator.alloc(8); // expect: [owned-not-freed]
        MemorySegment b = allocator.alloc(8);
        allocator.free(b);
        allocator.free(a);
    }
}
