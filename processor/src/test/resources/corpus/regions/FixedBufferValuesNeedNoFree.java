package corpus.regions;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FixedBufferValuesNeedNoFree {
    void parse(MemorySegment buffer) throws AllocationException {
        try (FixedBufferAllocator fixed = new FixedBufferAllocator(buffer)) {
            MemorySegment s = fixed.alloc(16);
            s.fill((byte) 0);
        }
    }
}
