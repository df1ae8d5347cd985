package corpus.try_with_resources;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ExistingVariableAsResource {
    void work(Allocator backing) throws AllocationException {
        ArenaAllocator arena = new ArenaAllocator(backing);
        try (arena) {
            arena.alloc(8);
        }
    }
}
