package corpus.synchronized_assert;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SynchronizedFrees {
    private final Object lock = new Object();

    void locked(Allocator allocator) throws AllocationException {
        synchronized (lock) {
            MemorySegment s = allocator.alloc(8);
            allocator.free(s);
        }
    }
}
