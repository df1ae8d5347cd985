package corpus.overrides;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class CallThroughConcreteAllocatorLeaks {
    void use(GeneralPurposeAllocator gpa) throws AllocationException {
        MemorySegment s = gpa.alloc(8); // expect: [owned-not-freed]
    }
}
