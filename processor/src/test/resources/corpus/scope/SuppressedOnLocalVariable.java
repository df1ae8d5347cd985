package corpus.scope;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SuppressedOnLocalVariable {
    void leak(Allocator allocator) throws AllocationException {
        @SuppressWarnings("owned-not-freed")
        MemorySegment s = allocator.alloc(8);
    }
}
