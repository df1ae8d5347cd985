package corpus.aliases;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class AliasOverwrittenOriginalStillHeld {
    void alias(Allocator allocator) throws AllocationException {
        MemorySegment a = allocator.alloc(8);
        MemorySegment b = a;
        a = null;
        allocator.free(b);
    }
}
