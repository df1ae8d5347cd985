package corpus.release_helpers;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// A helper that calls itself back: its effect is not read, so the field counts as never released.
final class RecursiveHelper implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment buffer; // expect: [owned-not-freed]
    private int depth;

    RecursiveHelper(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        unwind();
    }

    private void unwind() {
        if (depth > 0) {
            depth--;
            unwind();
        }
    }
}
