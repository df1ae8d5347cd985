package corpus.switches;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SwitchExpressionStoredAndFreed {
    void pick(Allocator allocator, int kind) throws AllocationException {
        MemorySegment s = switch (kind) {
            case 0 -> allocator.alloc(8);
            default -> allocator.alloc(16);
        };
        allocator.free(s);
    }
}
