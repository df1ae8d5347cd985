package corpus.double_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class CloseTwice {
    void twice(Allocator allocator) {
        ArenaAllocator arena = new ArenaAllocator(allocator);
        arena.close();
        arena.close(); // expect: [double-free]
    }
}
