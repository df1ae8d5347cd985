package corpus.aliases;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ConditionalOfTwoAllocations {
    void alias(Allocator allocator, boolean big) throws AllocationException {
        MemorySegment s = big ? allocator.alloc(64) : allocator.alloc(8);
        allocator.free(s);
    }
}
