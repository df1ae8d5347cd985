package corpus.null_guards;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class NullOrValueFreedOnce {
    long run(Allocator allocator, boolean big) throws AllocationException {
        MemorySegment extra = null;
        if (big) {
            extra = allocator.alloc(64);
        }
        long size = extra == null ? 0 : extra.byteSize();
        if (extra != null) {
            allocator.free(extra);
        }
        extra = null;
        return size;
    }
}
