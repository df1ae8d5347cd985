package corpus.patterns;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class InstanceofPatternFrees {
    void pick(Allocator allocator, Object o) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        if (o instanceof String text && !text.isEmpty()) {
            s.fill((byte) text.length());
        }
        allocator.free(s);
    }
}
