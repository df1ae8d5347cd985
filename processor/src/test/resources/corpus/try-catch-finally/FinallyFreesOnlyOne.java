package corpus.try_catch_finally;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FinallyFreesOnlyOne {
    void io(Allocator allocator, java.nio.file.Path p) throws AllocationException, java.io.IOException {
        MemorySegment a = allocator.alloc(8);
        MemorySegment b = null;
        try {
            b = allocator.alloc(8); // expect: [owned-not-freed]
            java.nio.file.Files.size(p);
        } finally {
            allocator.free(a);
        }
    }
}
