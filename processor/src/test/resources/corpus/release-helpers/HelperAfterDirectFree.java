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
        release(); // expect: [double-free]
    }

    private void release() {
        allocator.free(buffer);
    }
}
