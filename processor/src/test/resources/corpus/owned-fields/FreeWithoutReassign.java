package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class FreeWithoutReassign implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment storage;

    FreeWithoutReassign(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.storage = allocator.alloc(16);
    }

    void clear(boolean really) {
        if (really) {
            allocator.free(storage); // expect: [double-free] "`clear()` frees `storage` and may return without assigning it a new value or null; close() will free it again"
        }
    }

    @Override
    public void close() {
        allocator.free(storage);
    }
}
