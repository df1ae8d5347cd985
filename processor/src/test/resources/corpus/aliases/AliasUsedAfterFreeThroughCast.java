package corpus.aliases;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class AliasUsedAfterFreeThroughCast {
    long alias(Allocator allocator) throws AllocationException {
        Object o = allocator.alloc(8);
        MemorySegment s = (MemorySegment) o;
        allocator.free(s);
        return ((MemorySegment) o).byteSize(); // expect: [use-after-free] "`o` is used after the value from `allocator.alloc(...)` (line 8) was released on every path to here"
    }
}
