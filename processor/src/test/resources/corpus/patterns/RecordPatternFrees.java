package corpus.patterns;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class RecordPatternFrees {
    record Pair(long a, long b) { }

    void both(Allocator allocator, Object o) throws AllocationException {
        if (o instanceof Pair(long a, long b)) {
            MemorySegment s = allocator.alloc(a + b);
            allocator.free(s);
        }
    }
}
