package corpus.wrong_allocator;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SameArena {
    void same(Allocator backing) throws AllocationException {
        try (ArenaAllocator one = new ArenaAllocator(backing)) {
            MemorySegment s = one.alloc(8);
            one.free(s);
        }
    }
}
