package corpus.realloc;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ReallocResultDiscarded {
    void grow(Allocator allocator, @Owned MemorySegment s) throws AllocationException {
        allocator.realloc(s, 64); // expect: [owned-not-freed]
    }
}
