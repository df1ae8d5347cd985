package corpus.release_helpers;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// A subclass may replace release(), so what this class's release() does proves nothing.
class OverridableHelperIsNotTrusted implements AutoCloseable {
    protected final Allocator allocator;
    @Owned private final MemorySegment buffer; // expect: [owned-not-freed]

    OverridableHelperIsNotTrusted(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        release();
    }

    protected void release() {
        allocator.free(buffer);
    }
}
