package corpus.labeled;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LabeledBlockBreak {
    void block(Allocator allocator, boolean early) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        done:
        {
            if (early) {
                break done;
            }
            s.fill((byte) 1);
        }
        allocator.free(s);
    }
}
