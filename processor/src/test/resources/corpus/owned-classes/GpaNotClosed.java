package corpus.owned_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class GpaNotClosed {
    void use(Allocator backing) throws AllocationException {
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing); // expect: [owned-not-freed]
        MemorySegment s = gpa.alloc(8);
        gpa.free(s);
    }
}
