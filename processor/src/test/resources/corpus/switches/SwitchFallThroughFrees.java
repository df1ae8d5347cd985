package corpus.switches;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SwitchFallThroughFrees {
    void pick(Allocator allocator, int kind) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        switch (kind) {
            case 0:
                s.fill((byte) 0);
            case 1:
                allocator.free(s);
                break;
            default:
                allocator.free(s);
        }
    }
}
