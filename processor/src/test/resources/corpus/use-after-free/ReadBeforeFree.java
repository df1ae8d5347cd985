package corpus.use_after_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ReadBeforeFree {
    long size(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        long n = s.byteSize();
        allocator.free(s);
        return n;
    }
}
