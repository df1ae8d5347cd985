package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FreedInFinally {
    long sum(Allocator allocator, java.nio.file.Path p) throws AllocationException, java.io.IOException {
        MemorySegment s = allocator.alloc(64);
        try {
            return java.nio.file.Files.size(p) + s.byteSize();
        } finally {
            allocator.free(s);
        }
    }
}
