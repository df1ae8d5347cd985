package corpus.null_guards;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class NullCheckBeforeFree {
    void maybe(Allocator allocator, boolean want) throws AllocationException {
        MemorySegment s = want ? allocator.alloc(8) : null;
        if (s != null) {
            allocator.free(s);
        }
    }
}
