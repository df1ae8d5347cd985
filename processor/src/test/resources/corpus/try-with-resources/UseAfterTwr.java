package corpus.try_with_resources;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class UseAfterTwr {
    void work(Allocator backing) throws AllocationException {
        ArenaAllocator arena = new ArenaAllocator(backing);
        try (arena) {
            arena.capacity();
        }
        arena.alloc(8); // expect: [use-after-free]
    }
}
