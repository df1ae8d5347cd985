package corpus.switches;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SwitchExpressionLeaks {
    long pick(Allocator allocator, int kind) throws AllocationException {
        MemorySegment s = switch (kind) {
            case 0 -> allocator.alloc(8); // expect: [owned-not-freed]
            default -> allocator.alloc(16); // expect: [owned-not-freed]
        };
        return s.byteSize();
    }
}
