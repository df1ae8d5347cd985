package corpus.switches;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SwitchExpressionYieldsOwned {
    @Owned MemorySegment pick(Allocator allocator, int kind) throws AllocationException {
        return switch (kind) {
            case 0 -> allocator.alloc(8);
            case 1 -> allocator.alloc(16);
            default -> {
                MemorySegment s = allocator.alloc(32);
                yield s;
            }
        };
    }
}
