package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FreedAtEnd {
    void fill(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(64);
        s.fill((byte) 1);
        allocator.free(s);
    }
}
