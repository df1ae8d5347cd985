package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ReturnedUnowned {
    MemorySegment make(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        return s;
    }
}
