package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LeakAtEnd {
    void fill(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(64); // expect: [owned-not-freed] "The owned value from `allocator.alloc(...)` is not freed when the method ends (line 10)"
        s.fill((byte) 1);
    }
}
