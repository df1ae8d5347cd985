package corpus.scope;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class MainMethodFrees {
    public static void main(String[] args) throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            MemorySegment s = arena.alloc(64);
            s.fill((byte) 0);
        }
    }
}
