package corpus.use_after_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class UseAfterClose {
    void closed(Allocator allocator) throws AllocationException {
        ArenaAllocator arena = new ArenaAllocator(allocator);
        arena.close();
        arena.alloc(8); // expect: [use-after-free]
    }
}
