package corpus.switches;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ArrowSwitchFrees {
    enum Mode { A, B }

    void pick(Allocator allocator, Mode mode) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        switch (mode) {
            case A -> allocator.free(s);
            case B -> {
                s.fill((byte) 1);
                allocator.free(s);
            }
            default -> allocator.free(s);
        }
    }
}
