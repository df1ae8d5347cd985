package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class FreeThenNullThenAlloc implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment storage;

    FreeThenNullThenAlloc(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.storage = allocator.alloc(16);
    }

    void resize(long size) throws AllocationException {
        allocator.free(storage);
        storage = null;
        storage = allocator.alloc(size);
    }

    void clear() {
        if (storage != null) {
            allocator.free(storage);
            storage = null;
        }
    }

    @Override
    public void close() {
        if (storage != null) {
            allocator.free(storage);
        }
    }
}
