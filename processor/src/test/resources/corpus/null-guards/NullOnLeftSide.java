package corpus.null_guards;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class NullOnLeftSide {
    void maybe(Allocator allocator, boolean want) throws AllocationException {
        MemorySegment s = want ? allocator.alloc(8) : null;
        if (null != s) {
            allocator.free(s);
        }
    }
}
