package corpus.scope;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SuppressOtherRuleOnly {
    @SuppressWarnings("double-free")
    void leak(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
    }
}
