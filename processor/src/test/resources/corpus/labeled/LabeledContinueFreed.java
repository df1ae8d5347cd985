package corpus.labeled;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LabeledContinueFreed {
    void grid(Allocator allocator, int n) throws AllocationException {
        outer:
        for (int i = 0; i < n; i++) {
            MemorySegment row = allocator.alloc(8);
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    allocator.free(row);
                    continue outer;
                }
            }
            allocator.free(row);
        }
    }
}
