package corpus.lambdas;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LambdaDoubleFree {
    java.util.function.Consumer<Allocator> task() {
        return allocator -> {
            try {
                MemorySegment s = allocator.alloc(8);
                allocator.free(s);
                allocator.free(s); // expect: [double-free]
            } catch (AllocationException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
