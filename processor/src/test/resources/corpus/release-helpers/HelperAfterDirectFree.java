package corpus.release_helpers;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class HelperAfterDirectFree implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment buffer;

    HelperAfterDirectFree(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        allocator.free(buffer);
        release(); // expect: [double-free] "`release(...)` releases the @Owned field `buffer` (line 8), which may already have been released on the way here"
    }

    private void release() {
        allocator.free(buffer);
    }
}
