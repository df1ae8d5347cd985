package corpus.switches;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SwitchStatementMissesCase {
    void pick(Allocator allocator, int kind) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        switch (kind) {
            case 0:
                allocator.free(s);
                break;
            case 1:
                s.fill((byte) 1);
                break;
            default:
                allocator.free(s);
        }
    }
}
