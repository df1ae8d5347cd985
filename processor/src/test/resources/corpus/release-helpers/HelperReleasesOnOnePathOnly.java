package corpus.release_helpers;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class HelperReleasesOnOnePathOnly implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment buffer; // expect: [owned-not-freed]
    private boolean dirty;

    HelperReleasesOnOnePathOnly(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        flush();
    }

    private void flush() {
        if (dirty) {
            allocator.free(buffer);
        }
    }
}
