package corpus.records;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

record RecordMethodLeaks(Allocator allocator, long size) {
    long measure() throws AllocationException {
        MemorySegment s = allocator.alloc(size); // expect: [owned-not-freed]
        return s.byteSize();
    }
}
