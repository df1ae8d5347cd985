package corpus.use_after_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class UseThroughAliasAfterFree {
    void alias(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        MemorySegment view = s;
        allocator.free(s);
        view.fill((byte) 0); // expect: [use-after-free]
    }
}
