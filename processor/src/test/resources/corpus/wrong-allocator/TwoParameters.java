package corpus.wrong_allocator;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class TwoParameters {
    void unknown(Allocator a, Allocator b) throws AllocationException {
        MemorySegment s = a.alloc(8);
        b.free(s);
    }
}
