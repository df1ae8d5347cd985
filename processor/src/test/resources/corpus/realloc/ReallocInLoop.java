package corpus.realloc;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ReallocInLoop {
    @Owned MemorySegment grow(Allocator allocator, int rounds) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        try {
            for (int i = 0; i < rounds; i++) {
                s = allocator.realloc(s, s.byteSize() * 2);
            }
        } catch (AllocationException e) {
            allocator.free(s);
            throw e;
        }
        return s;
    }
}
