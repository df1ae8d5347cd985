package corpus.switches;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class EnumSwitchStatementMayMatchNothing {
    enum Mode { A, B }

    // An enum switch statement need not be exhaustive: a constant added later matches no case.
    void pick(Allocator allocator, Mode mode) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        switch (mode) {
            case A -> allocator.free(s);
            case B -> allocator.free(s);
        }
    }
}
