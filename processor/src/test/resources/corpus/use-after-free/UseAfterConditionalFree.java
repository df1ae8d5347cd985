package corpus.use_after_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class UseAfterConditionalFree {
    void maybe(Allocator allocator, boolean f) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        if (f) {
            allocator.free(s);
        }
        s.fill((byte) 1);
    }
}
