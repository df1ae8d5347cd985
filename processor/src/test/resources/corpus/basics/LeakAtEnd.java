package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LeakAtEnd {
    void fill(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(64); // expect: [owned-not-freed]
        s.fill((byte) 1);
    }
}
