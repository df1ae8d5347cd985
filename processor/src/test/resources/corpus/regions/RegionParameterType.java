package corpus.regions;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class RegionParameterType {
    long parse(ArenaAllocator arena) throws AllocationException {
        MemorySegment s = arena.alloc(64);
        return s.byteSize();
    }
}
