package corpus.switches;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class EnumSwitchExpressionIsExhaustive {
    enum Mode { A, B }

    long pick(Allocator allocator, Mode mode) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        long n = switch (mode) {
            case A -> {
                allocator.free(s);
                yield 1;
            }
            case B -> {
                allocator.free(s);
                yield 2;
            }
        };
        return n;
    }
}
