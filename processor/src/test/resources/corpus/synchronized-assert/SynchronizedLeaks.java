package corpus.synchronized_assert;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SynchronizedLeaks {
    private final Object lock = new Object();

    void locked(Allocator allocator) throws AllocationException {
        synchronized (lock) {
            MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        }
    }
}
