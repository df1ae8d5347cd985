package corpus.regions;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.allocdiscipline.*;

class UsedAfterArenaClosed {
    byte firstByte(Allocator backing) throws AllocationException {
        MemorySegment name;
        try (ArenaAllocator arena = new ArenaAllocator(backing)) {
            name = arena.alloc(16);
            name.fill((byte) 1);
        }
        return name.get(ValueLayout.JAVA_BYTE, 0); // expect: [use-after-free] "`name` is used, but its value from `arena.alloc(...)` (line 11) belongs to the region `new ArenaAllocator(...)` (line 10), which was closed on every path to here"
    }

    MemorySegment dangling(Allocator backing) throws AllocationException {
        MemorySegment s;
        ArenaAllocator arena = new ArenaAllocator(backing);
        try {
            Allocator scratch = arena;
            s = scratch.alloc(8);
        } finally {
            arena.close();
        }
        return s; // expect: [use-after-free]
    }
}
