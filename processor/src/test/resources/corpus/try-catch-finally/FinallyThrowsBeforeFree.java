package corpus.try_catch_finally;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FinallyThrowsBeforeFree {
    void io(Allocator allocator, java.nio.file.Path p) throws AllocationException, java.io.IOException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        try {
            s.fill((byte) 0);
        } finally {
            java.nio.file.Files.size(p);
            allocator.free(s);
        }
    }
}
