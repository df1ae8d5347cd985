package corpus.regions;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FixedBufferNotClosed {
    void parse(MemorySegment buffer) throws AllocationException {
        FixedBufferAllocator fixed = new FixedBufferAllocator(buffer); // expect: [owned-not-freed]
        fixed.alloc(16);
    }
}
