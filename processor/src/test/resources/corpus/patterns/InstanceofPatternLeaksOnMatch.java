package corpus.patterns;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class InstanceofPatternLeaksOnMatch {
    int pick(Allocator allocator, Object o) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        if (o instanceof String text) {
            return text.length();
        }
        allocator.free(s);
        return 0;
    }
}
