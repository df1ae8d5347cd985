package corpus.use_after_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class NullCheckAfterFreeIsNoUse {
    void check(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        allocator.free(s);
        if (s == null) {
            System.out.println("gone");
        }
    }
}
