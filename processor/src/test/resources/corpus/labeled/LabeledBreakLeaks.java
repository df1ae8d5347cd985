package corpus.labeled;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LabeledBreakLeaks {
    void grid(Allocator allocator, int n) throws AllocationException {
        outer:
        for (int i = 0; i < n; i++) {
            MemorySegment row = allocator.alloc(8); // expect: [owned-not-freed]
            for (int j = 0; j < n; j++) {
                if (i * j > 20) {
                    break outer;
                }
            }
            allocator.free(row);
        }
    }
}
