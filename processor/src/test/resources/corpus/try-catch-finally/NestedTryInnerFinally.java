package corpus.try_catch_finally;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class NestedTryInnerFinally {
    void io(Allocator allocator, java.nio.file.Path p) throws AllocationException, java.io.IOException {
        MemorySegment outer = allocator.alloc(8);
        try {
            MemorySegment inner = allocator.alloc(8);
            try {
                java.nio.file.Files.size(p);
            } finally {
                allocator.free(inner);
            }
        } finally {
            allocator.free(outer);
        }
    }
}
