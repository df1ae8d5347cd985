package corpus.aliases;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class CastAlias {
    void alias(Allocator allocator) throws AllocationException {
        Object o = allocator.alloc(8);
        allocator.free((MemorySegment) o);
    }
}
