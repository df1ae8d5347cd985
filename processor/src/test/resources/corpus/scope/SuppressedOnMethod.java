package corpus.scope;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SuppressedOnMethod {
    @SuppressWarnings("owned-not-freed")
    void leak(Allocator allocator) throws AllocationException {
        allocator.alloc(8);
    }
}
