package corpus.wrong_allocator;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class DifferentFinalClasses {
    void mix(Allocator backing, GeneralPurposeAllocator gpa) throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(backing)) {
            MemorySegment s = gpa.alloc(8);
            arena.free(s); // expect: [wrong-allocator]
        }
    }
}
