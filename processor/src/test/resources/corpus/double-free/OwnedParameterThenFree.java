package corpus.double_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class OwnedParameterThenFree {
    void twice(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        keep(allocator, s);
        allocator.free(s); // expect: [double-free]
    }

    static void keep(Allocator allocator, @Owned MemorySegment s) {
        allocator.free(s);
    }
}
