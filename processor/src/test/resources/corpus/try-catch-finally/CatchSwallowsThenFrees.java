package corpus.try_catch_finally;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class CatchSwallowsThenFrees {
    long io(Allocator allocator, java.nio.file.Path p) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        long n = 0;
        try {
            n = java.nio.file.Files.size(p);
        } catch (java.io.IOException e) {
            n = -1;
        }
        allocator.free(s);
        return n;
    }
}
