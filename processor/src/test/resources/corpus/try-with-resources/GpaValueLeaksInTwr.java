package corpus.try_with_resources;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class GpaValueLeaksInTwr {
    void work(Allocator backing) throws AllocationException {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment s = gpa.alloc(8); // expect: [owned-not-freed]
            s.fill((byte) 2);
        }
    }
}
