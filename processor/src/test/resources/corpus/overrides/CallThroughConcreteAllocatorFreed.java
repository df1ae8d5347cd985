package corpus.overrides;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class CallThroughConcreteAllocatorFreed {
    void use(GeneralPurposeAllocator gpa) throws AllocationException {
        MemorySegment s = gpa.alloc(8);
        gpa.free(s);
    }
}
