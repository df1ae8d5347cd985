package corpus.records;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

record RecordMethodFrees(Allocator allocator, long size) {
    long measure() throws AllocationException {
        MemorySegment s = allocator.alloc(size);
        long n = s.byteSize();
        allocator.free(s);
        return n;
    }
}
