package corpus.lambdas;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LambdaFreesItsOwn {
    Runnable task(Allocator allocator) {
        return () -> {
            try {
                MemorySegment s = allocator.alloc(8);
                allocator.free(s);
            } catch (AllocationException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
