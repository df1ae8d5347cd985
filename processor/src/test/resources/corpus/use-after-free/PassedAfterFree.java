package corpus.use_after_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class PassedAfterFree {
    void pass(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        allocator.free(s);
        print(s); // expect: [use-after-free]
    }

    static void print(MemorySegment s) {
        System.out.println(s);
    }
}
