package corpus.aliases;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ConditionalAlias {
    void alias(Allocator allocator, boolean big, MemorySegment fallback) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        MemorySegment chosen = big ? s : null;
        if (chosen != null) {
            allocator.free(chosen);
        } else {
            allocator.free(s);
        }
    }
}
