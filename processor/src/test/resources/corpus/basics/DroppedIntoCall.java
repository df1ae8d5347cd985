package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class DroppedIntoCall {
    long size(Allocator allocator) throws AllocationException {
        return measure(allocator.alloc(8)); // expect: [owned-not-freed] "The owned value from `allocator.alloc(...)` is never stored: it is lent to `measure(...)` on line 8 and then dropped"
    }

    static long measure(MemorySegment s) {
        return s.byteSize();
    }
}
