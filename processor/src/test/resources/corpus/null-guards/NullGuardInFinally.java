package corpus.null_guards;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class NullGuardInFinally {
    void maybe(Allocator allocator, java.nio.file.Path p) throws AllocationException, java.io.IOException {
        MemorySegment a = null;
        MemorySegment b = null;
        try {
            a = allocator.alloc(8);
            java.nio.file.Files.size(p);
            b = allocator.alloc(8);
        } finally {
            if (b != null) {
                allocator.free(b);
            }
            if (a != null) {
                allocator.free(a);
            }
        }
    }
}
