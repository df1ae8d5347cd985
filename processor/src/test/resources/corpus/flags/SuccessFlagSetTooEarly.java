package corpus.flags;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SuccessFlagSetTooEarly {
    @Owned MemorySegment read(Allocator allocator, long size) throws AllocationException {
        MemorySegment buffer = allocator.alloc(size); // expect: [owned-not-freed]
        boolean ok = false;
        try {
            ok = true;
            fill(buffer);
            return buffer;
        } finally {
            if (!ok) {
                allocator.free(buffer);
            }
        }
    }

    private void fill(MemorySegment buffer) throws AllocationException {
    }
}
