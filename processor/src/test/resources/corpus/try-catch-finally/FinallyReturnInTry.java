package corpus.try_catch_finally;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FinallyReturnInTry {
    long io(Allocator allocator, java.nio.file.Path p) throws AllocationException, java.io.IOException {
        MemorySegment s = allocator.alloc(8);
        try {
            if (p == null) {
                return 0;
            }
            return java.nio.file.Files.size(p);
        } finally {
            allocator.free(s);
        }
    }
}
