package corpus.labeled;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class InnerBreakOnlyInner {
    void grid(Allocator allocator, int n) throws AllocationException {
        for (int i = 0; i < n; i++) {
            MemorySegment row = allocator.alloc(8);
            for (int j = 0; j < n; j++) {
                if (j > i) {
                    break;
                }
            }
            allocator.free(row);
        }
    }
}
