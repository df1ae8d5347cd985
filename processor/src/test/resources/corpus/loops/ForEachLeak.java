package corpus.loops;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ForEachLeak {
    void loop(Allocator allocator, java.util.List<Long> sizes) throws AllocationException {
        for (long size : sizes) {
            MemorySegment s = allocator.alloc(size); // expect: [owned-not-freed]
            s.fill((byte) 0);
        }
    }
}
