package corpus.regions;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ArenaValuesNeedNoFree {
    void parse(Allocator backing, int n) throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(backing)) {
            for (int i = 0; i < n; i++) {
                MemorySegment s = arena.alloc(64);
                s.fill((byte) i);
            }
        }
    }
}
