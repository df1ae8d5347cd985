package corpus.regions;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ArenaFromOwnedFactoryLeaks {
    @Owned ArenaAllocator scratch(Allocator backing) {
        return new ArenaAllocator(backing);
    }

    void use(Allocator backing) throws AllocationException {
        ArenaAllocator arena = scratch(backing); // expect: [owned-not-freed]
        arena.alloc(8);
    }
}
