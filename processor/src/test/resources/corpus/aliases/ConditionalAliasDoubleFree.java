package corpus.aliases;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ConditionalAliasDoubleFree {
    void alias(Allocator allocator, boolean big) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        MemorySegment chosen = big ? s : (s);
        allocator.free(s);
        allocator.free(chosen); // expect: [double-free] "`allocator.free(...)` releases the value from `allocator.alloc(...)` (line 8), which may already have been released on the way here"
    }
}
