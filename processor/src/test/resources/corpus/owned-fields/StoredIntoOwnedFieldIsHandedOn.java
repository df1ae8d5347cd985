package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class StoredIntoOwnedFieldIsHandedOn implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment buffer;

    StoredIntoOwnedFieldIsHandedOn(Allocator allocator) {
        this.allocator = allocator;
    }

    void fill() throws AllocationException {
        buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        if (buffer != null) {
            allocator.free(buffer);
        }
    }
}
