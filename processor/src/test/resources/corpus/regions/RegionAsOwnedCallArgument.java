package corpus.regions;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class RegionAsOwnedCallArgument {
    static @Owned MemorySegment copy(Allocator allocator, MemorySegment source) throws AllocationException {
        MemorySegment copy = allocator.alloc(source.byteSize());
        MemorySegment.copy(source, 0, copy, 0, source.byteSize());
        return copy;
    }

    void use(Allocator backing, MemorySegment source) throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(backing)) {
            MemorySegment c = copy(arena, source);
            c.fill((byte) 0);
        }
    }
}
