package corpus.switches;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SwitchExpressionFreesInEveryArm {
    int pick(Allocator allocator, int kind) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        int size = switch (kind) {
            case 0 -> {
                s.fill((byte) 0);
                allocator.free(s);
                yield 1;
            }
            default -> {
                allocator.free(s);
                yield 2;
            }
        };
        return size;
    }
}
