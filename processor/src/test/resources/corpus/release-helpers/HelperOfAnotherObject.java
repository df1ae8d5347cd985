package corpus.release_helpers;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// release() of another instance frees that instance's buffer, not this one's.
final class HelperOfAnotherObject implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment buffer; // expect: [owned-not-freed]
    private final HelperOfAnotherObject other;

    HelperOfAnotherObject(Allocator allocator, HelperOfAnotherObject other) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
        this.other = other;
    }

    @Override
    public void close() {
        if (other != null) {
            other.release();
        }
    }

    private void release() {
        allocator.free(buffer);
    }
}
