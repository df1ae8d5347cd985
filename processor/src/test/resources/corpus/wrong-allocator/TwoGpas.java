package corpus.wrong_allocator;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class TwoGpas {
    void mix(Allocator backing) throws AllocationException {
        try (GeneralPurposeAllocator one = new GeneralPurposeAllocator(backing);
             GeneralPurposeAllocator two = new GeneralPurposeAllocator(backing)) {
            MemorySegment s = one.alloc(8);
            two.free(s); // expect: [wrong-allocator]
        }
    }
}
