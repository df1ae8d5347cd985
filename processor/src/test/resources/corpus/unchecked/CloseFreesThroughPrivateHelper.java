package corpus.unchecked;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// With unchecked exceptions, a close() that frees its field through a private helper is as good as one
// that frees it itself: a free that throws has still ended the value's life, in the helper as here.
final class CloseFreesThroughPrivateHelper implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment buffer;

    CloseFreesThroughPrivateHelper(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        release();
    }

    private void release() {
        allocator.free(buffer);
    }
}
