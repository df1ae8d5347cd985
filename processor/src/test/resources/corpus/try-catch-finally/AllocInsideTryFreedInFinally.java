package corpus.try_catch_finally;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class AllocInsideTryFreedInFinally {
    void io(Allocator allocator, java.nio.file.Path p) throws AllocationException, java.io.IOException {
        MemorySegment s = null;
        try {
            s = allocator.alloc(8);
            java.nio.file.Files.size(p);
        } finally {
            if (s != null) {
                allocator.free(s);
            }
        }
    }
}
