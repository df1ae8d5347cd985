package corpus.aliases;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ParenthesizedAlias {
    void alias(Allocator allocator) throws AllocationException {
        MemorySegment s = (allocator.alloc(8));
        allocator.free((s));
    }
}
