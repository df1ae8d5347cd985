package corpus.use_after_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class UseAfterFreeInLambdaBody {
    java.util.function.Consumer<Allocator> task() {
        return allocator -> {
            try {
                MemorySegment s = allocator.alloc(8);
                allocator.free(s);
                System.out.println(s.byteSize()); // expect: [use-after-free]
            } catch (AllocationException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
