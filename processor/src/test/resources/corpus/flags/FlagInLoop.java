package corpus.flags;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FlagInLoop {
    void each(Allocator allocator, int[] sizes) throws AllocationException {
        for (int size : sizes) {
            boolean large = size > 4096;
            MemorySegment scratch = null;
            if (large) {
                scratch = allocator.alloc(size);
            }
            System.out.println(size);
            if (large) {
                allocator.free(scratch);
            }
        }
    }

    void forgotInLoop(Allocator allocator, int[] sizes) throws AllocationException {
        for (int size : sizes) {
            boolean large = size > 4096;
            MemorySegment scratch = null;
            if (large) {
                scratch = allocator.alloc(size); // expect: [owned-not-freed] "The owned value from `allocator.alloc(...)` is not freed at the end of the loop iteration (line 22 runs again and the earlier value is lost)"
            }
            if (!large) {
                allocator.free(scratch);
            }
        }
    }
}
