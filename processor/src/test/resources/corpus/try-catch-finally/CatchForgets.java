package corpus.try_catch_finally;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class CatchForgets {
    void io(Allocator allocator, java.nio.file.Path p) throws AllocationException, java.io.IOException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        try {
            java.nio.file.Files.size(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        allocator.free(s);
    }
}
