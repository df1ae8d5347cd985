package corpus.try_catch_finally;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class MultiCatch {
    void io(Allocator allocator, java.nio.file.Path p) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        try {
            java.nio.file.Files.size(p);
            Class.forName("x");
        } catch (java.io.IOException | ClassNotFoundException e) {
            System.err.println(e);
        } finally {
            allocator.free(s);
        }
    }
}
