package corpus.try_with_resources;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class GpaInTwr {
    void work(Allocator backing) throws AllocationException {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment s = gpa.alloc(8);
            gpa.free(s);
        }
    }
}
