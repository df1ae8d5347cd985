package corpus.try_with_resources;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ArenaNotClosed {
    void work(Allocator backing) throws AllocationException {
        ArenaAllocator arena = new ArenaAllocator(backing); // expect: [owned-not-freed]
        arena.alloc(8);
    }
}
