package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LeakOnCheckedException {
    long size(Allocator allocator, java.nio.file.Path p) throws AllocationException, java.io.IOException {
        MemorySegment s = allocator.alloc(64); // expect: [owned-not-freed]
        long n = java.nio.file.Files.size(p);
        allocator.free(s);
        return n;
    }
}
