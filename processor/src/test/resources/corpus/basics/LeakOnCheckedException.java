package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LeakOnCheckedException {
    long size(Allocator allocator, java.nio.file.Path p) throws AllocationException, java.io.IOException {
        MemorySegment s = allocator.alloc(64); // expect: [owned-not-freed] "The owned value from `allocator.alloc(...)` is not freed when IOException is thrown by `Files.size(...)` on line 9"
        long n = java.nio.file.Files.size(p);
        allocator.free(s);
        return n;
    }
}
