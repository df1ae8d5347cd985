package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class PassedToOwnedParameter {
    void give(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        consume(allocator, s);
    }

    static void consume(Allocator allocator, @Owned MemorySegment s) {
        allocator.free(s);
    }
}
