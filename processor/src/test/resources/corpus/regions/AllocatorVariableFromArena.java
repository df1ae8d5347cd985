package corpus.regions;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class AllocatorVariableFromArena {
    void parse(Allocator backing) throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(backing)) {
            Allocator a = arena;
            MemorySegment s = a.alloc(64);
            s.fill((byte) 0);
        }
    }
}
