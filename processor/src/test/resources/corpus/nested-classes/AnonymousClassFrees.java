package corpus.nested_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class AnonymousClassFrees {
    Runnable task(Allocator allocator) {
        return new Runnable() {
            @Override
            public void run() {
                try {
                    MemorySegment s = allocator.alloc(8);
                    allocator.free(s);
                } catch (AllocationException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
