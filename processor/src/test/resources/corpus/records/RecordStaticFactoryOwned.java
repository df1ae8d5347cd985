package corpus.records;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

record RecordStaticFactoryOwned(MemorySegment segment) {
    static @Owned MemorySegment make(Allocator allocator) throws AllocationException {
        return allocator.alloc(8);
    }
}
