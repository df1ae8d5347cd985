package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ReturnedUnowned {
    MemorySegment make(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed] "The owned value from `allocator.alloc(...)` is returned on line 9 by a method whose result is not @Owned, so nobody owns it any more"
        return s;
    }
}
