package corpus.aliases;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class AliasChainFreed {
    void alias(Allocator allocator) throws AllocationException {
        MemorySegment a = allocator.alloc(8);
        MemorySegment b = a;
        MemorySegment c = b;
        allocator.free(c);
    }
}
