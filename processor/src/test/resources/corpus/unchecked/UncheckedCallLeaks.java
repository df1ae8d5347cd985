package corpus.unchecked;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class UncheckedCallLeaks {
    void work(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed] "The owned value from `allocator.alloc(...)` is not freed when RuntimeException is thrown by `s.byteSize(...)` on line 9"
        System.out.println(s.byteSize());
        allocator.free(s);
    }
}
