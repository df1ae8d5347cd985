package corpus.nested_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class AnonymousClassLeaks {
    Runnable task(Allocator allocator) {
        return new Runnable() {
            @Override
            public void run() {
                try {
                    MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
                    s.fill((byte) 0);
                } catch (AllocationException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
