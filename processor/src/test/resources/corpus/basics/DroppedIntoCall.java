package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class DroppedIntoCall {
    long size(Allocator allocator) throws AllocationException {
        return measure(allocator.alloc(8)); // expect: [owned-not-freed]
    }

    static long measure(MemorySegment s) {
        return s.byteSize();
    }
}
