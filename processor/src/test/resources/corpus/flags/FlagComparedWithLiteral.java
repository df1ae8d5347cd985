package corpus.flags;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FlagComparedWithLiteral {
    @Owned MemorySegment read(Allocator allocator, long size) throws AllocationException {
        MemorySegment buffer = allocator.alloc(size);
        boolean ok = false;
        try {
            fill(buffer);
            ok = true;
            return buffer;
        } finally {
            if (ok == false) {
                allocator.free(buffer);
            }
        }
    }

    void scratch(Allocator allocator, boolean big) throws AllocationException {
        MemorySegment extra = null;
        if (true == big) {
            extra = allocator.alloc(1 << 20);
        }
        if (big != false) {
            allocator.free(extra);
        }
    }

    void wrongWay(Allocator allocator, boolean big) throws AllocationException {
        MemorySegment extra = null;
        if (big == true) {
            extra = allocator.alloc(1 << 20); // expect: [owned-not-freed]
        }
        if (big == false) {
            allocator.free(extra);
        }
    }

    private void fill(MemorySegment buffer) throws AllocationException {
    }
}
