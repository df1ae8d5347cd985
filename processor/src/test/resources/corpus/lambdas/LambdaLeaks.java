package corpus.lambdas;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LambdaLeaks {
    Runnable task(Allocator allocator) {
        return () -> {
            try {
                MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed] "The owned value from `allocator.alloc(...)` is not freed when the lambda ends (line 15)"
                s.fill((byte) 0);
            } catch (AllocationException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
