package corpus.records;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

enum EnumMethodFrees {
    SMALL(8), LARGE(4096);

    private final long size;

    EnumMethodFrees(long size) {
        this.size = size;
    }

    void probe(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(size);
        allocator.free(s);
    }
}
