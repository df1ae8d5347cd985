package corpus.null_guards;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class GuardedFreeThenUse {
    long run(Allocator allocator, boolean big) throws AllocationException {
        MemorySegment extra = null;
        if (big) {
            extra = allocator.alloc(64);
        }
        if (extra != null) {
            allocator.free(extra);
        }
        return extra == null ? 0 : extra.byteSize(); // expect: [use-after-free]
    }
}
