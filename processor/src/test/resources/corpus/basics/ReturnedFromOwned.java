package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ReturnedFromOwned {
    @Owned MemorySegment make(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        s.fill((byte) 0);
        return s;
    }
}
