package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LayoutAlloc {
    void ints(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(java.lang.foreign.ValueLayout.JAVA_INT, 16); // expect: [owned-not-freed]
        s.setAtIndex(java.lang.foreign.ValueLayout.JAVA_INT, 0, 1);
    }
}
