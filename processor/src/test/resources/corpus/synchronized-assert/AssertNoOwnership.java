package corpus.synchronized_assert;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class AssertNoOwnership {
    void check(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        assert s.byteSize() == 8 : "size";
        allocator.free(s);
    }
}
