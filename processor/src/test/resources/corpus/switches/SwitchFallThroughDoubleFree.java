package corpus.switches;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SwitchFallThroughDoubleFree {
    void pick(Allocator allocator, int kind) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        switch (kind) {
            case 0:
                allocator.free(s);
            case 1:
                allocator.free(s); // expect: [double-free]
                break;
            default:
                allocator.free(s);
        }
    }
}
