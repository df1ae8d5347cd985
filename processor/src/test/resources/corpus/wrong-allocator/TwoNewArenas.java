package corpus.wrong_allocator;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class TwoNewArenas {
    void mix(Allocator backing) throws AllocationException {
        try (ArenaAllocator one = new ArenaAllocator(backing);
             ArenaAllocator two = new ArenaAllocator(backing)) {
            MemorySegment s = one.alloc(8);
            two.free(s); // expect: [wrong-allocator]
        }
    }
}
