package corpus.try_catch_finally;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class CatchFrees {
    void io(Allocator allocator, java.nio.file.Path p) throws AllocationException, java.io.IOException {
        MemorySegment s = allocator.alloc(8);
        try {
            java.nio.file.Files.size(p);
        } catch (java.io.IOException e) {
            allocator.free(s);
            throw e;
        }
        allocator.free(s);
    }
}
