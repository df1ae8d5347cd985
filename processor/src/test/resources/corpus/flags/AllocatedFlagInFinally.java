package corpus.flags;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class AllocatedFlagInFinally {
    void run(Allocator allocator) throws Exception {
        MemorySegment buffer = null;
        boolean allocated = false;
        try {
            buffer = allocator.alloc(64);
            allocated = true;
            work(buffer);
        } finally {
            if (allocated) {
                allocator.free(buffer);
            }
        }
    }

    private void work(MemorySegment buffer) throws Exception {
    }
}
