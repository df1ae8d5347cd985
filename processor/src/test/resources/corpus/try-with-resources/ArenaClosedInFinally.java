package corpus.try_with_resources;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ArenaClosedInFinally {
    void work(Allocator backing) throws AllocationException {
        ArenaAllocator arena = new ArenaAllocator(backing);
        try {
            arena.alloc(8);
        } finally {
            arena.close();
        }
    }
}
