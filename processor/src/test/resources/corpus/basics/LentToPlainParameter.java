package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LentToPlainParameter {
    void lend(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        look(s);
    }

    static void look(MemorySegment s) {
        s.fill((byte) 0);
    }
}
