package corpus.regions;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class PlainAllocatorAsOwnedCallArgument {
    static @Owned MemorySegment copy(Allocator allocator, MemorySegment source) throws AllocationException {
        MemorySegment copy = allocator.alloc(source.byteSize());
        MemorySegment.copy(source, 0, copy, 0, source.byteSize());
        return copy;
    }

    void use(Allocator allocator, MemorySegment source) throws AllocationException {
        MemorySegment c = copy(allocator, source); // expect: [owned-not-freed]
        c.fill((byte) 0);
    }
}
