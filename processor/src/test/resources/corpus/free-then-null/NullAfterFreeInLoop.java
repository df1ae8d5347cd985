package corpus.free_then_null;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// The previous buffer is freed and forgotten before the next one is made; the last one is freed after the loop.
class NullAfterFreeInLoop {
    void grow(Allocator allocator, int rounds) throws AllocationException {
        MemorySegment buffer = null;
        for (int i = 0; i < rounds; i++) {
            if (buffer != null) {
                allocator.free(buffer);
                buffer = null;
            }
            buffer = allocator.alloc(16L << i);
        }
        if (buffer != null) {
            allocator.free(buffer);
        }
    }

    void forgetsTheLast(Allocator allocator, int rounds) throws AllocationException {
        MemorySegment buffer = null;
        for (int i = 0; i < rounds; i++) {
            if (buffer != null) {
                allocator.free(buffer);
                buffer = null;
            }
            buffer = allocator.alloc(16L << i); // expect: [owned-not-freed]
        }
    }
}
