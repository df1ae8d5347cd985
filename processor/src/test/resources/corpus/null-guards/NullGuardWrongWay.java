package corpus.null_guards;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class NullGuardWrongWay {
    void maybe(Allocator allocator, boolean want) throws AllocationException {
        MemorySegment s = want ? allocator.alloc(8) : null; // expect: [owned-not-freed]
        if (s == null) {
            allocator.free(s);
        }
    }
}
