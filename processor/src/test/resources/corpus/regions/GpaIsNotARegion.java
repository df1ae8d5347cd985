package corpus.regions;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class GpaIsNotARegion {
    void use(Allocator backing) throws AllocationException {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            Allocator a = gpa;
            MemorySegment s = a.alloc(8); // expect: [owned-not-freed]
        }
    }
}
