package corpus.flags;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FlagChangedBetweenTests {
    void scratch(Allocator allocator, boolean big) throws AllocationException {
        MemorySegment extra = null;
        if (big) {
            extra = allocator.alloc(1 << 20); // expect: [owned-not-freed]
        }
        big = System.nanoTime() % 2 == 0;
        if (big) {
            allocator.free(extra);
        }
    }
}
