package corpus.scope;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ChoosesAllocatorStillChecked {
    @ChoosesAllocator
    static void run() throws AllocationException {
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(PageAllocator.INSTANCE); // expect: [owned-not-freed]
        gpa.alloc(8); // expect: [owned-not-freed]
    }
}
