package corpus.regions;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ArenaFreedThroughOtherArena {
    void mix(Allocator backing) throws AllocationException {
        try (ArenaAllocator first = new ArenaAllocator(backing);
             ArenaAllocator second = new ArenaAllocator(backing)) {
            MemorySegment s = first.alloc(8);
            first.alloc(8);
            second.free(s); // expect: [wrong-allocator] "`second.free(...)` frees the value from `first.alloc(...)` (line 10) through a different allocator than the one that allocated it"
        }
    }
}
