package corpus.wrong_allocator;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class PageVersusNew {
    @ChoosesAllocator
    void mix() throws AllocationException {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(PageAllocator.INSTANCE)) {
            MemorySegment s = PageAllocator.INSTANCE.alloc(8);
            gpa.free(s); // expect: [wrong-allocator]
        }
    }
}
