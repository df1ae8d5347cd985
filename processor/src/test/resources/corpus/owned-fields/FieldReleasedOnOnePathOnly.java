package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class FieldReleasedOnOnePathOnly implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment buffer; // expect: [owned-not-freed]
    private boolean dirty;

    FieldReleasedOnOnePathOnly(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        if (dirty) {
            allocator.free(buffer);
        }
    }
}
