package corpus.unchecked;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class UncheckedTwr {
    void work(Allocator backing) throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(backing)) {
            MemorySegment s = arena.alloc(8);
            System.out.println(s.byteSize());
        }
    }
}
