package corpus.flags;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SuccessFlagInFinally {
    @Owned MemorySegment read(Allocator allocator, long size) throws AllocationException {
        MemorySegment buffer = allocator.alloc(size);
        boolean ok = false;
        try {
            fill(buffer);
            ok = true;
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
