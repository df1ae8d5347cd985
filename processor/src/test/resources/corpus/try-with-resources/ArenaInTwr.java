package corpus.try_with_resources;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ArenaInTwr {
    long sum(Allocator backing) throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(backing)) {
            MemorySegment a = arena.alloc(8);
            MemorySegment b = arena.alloc(16);
            return a.byteSize() + b.byteSize();
        }
    }
}
