package corpus.try_with_resources;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class CloseAfterTwrIsDouble {
    void work(Allocator backing) {
        ArenaAllocator arena = new ArenaAllocator(backing);
        try (arena) {
            arena.capacity();
        }
        arena.close(); // expect: [double-free]
    }
}
