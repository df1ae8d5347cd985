package corpus.try_with_resources;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class TwrWithCatch {
    void work(Allocator backing) {
        try (ArenaAllocator arena = new ArenaAllocator(backing)) {
            arena.alloc(8);
        } catch (AllocationException e) {
            System.err.println(e);
        }
    }
}
