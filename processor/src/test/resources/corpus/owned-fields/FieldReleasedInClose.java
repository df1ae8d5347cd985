package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class FieldReleasedInClose implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment buffer;

    FieldReleasedInClose(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        allocator.free(buffer);
    }
}
