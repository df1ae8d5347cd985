package corpus.null_guards;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class NullGuardWithAnd {
    void maybe(Allocator allocator, boolean want, boolean keep) throws AllocationException {
        MemorySegment s = want ? allocator.alloc(8) : null;
        if (s != null && !keep) {
            allocator.free(s);
            return;
        }
        if (s != null) {
            allocator.free(s);
        }
    }
}
