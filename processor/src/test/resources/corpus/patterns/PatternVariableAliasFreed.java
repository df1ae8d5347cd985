package corpus.patterns;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class PatternVariableAliasFreed {
    void free(Allocator allocator) throws AllocationException {
        Object o = allocator.alloc(8);
        if (o instanceof MemorySegment s) {
            allocator.free(s);
        }
    }
}
