package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// A private helper that fills the field again: after the call the field holds the new value, which close()
// releases. When the helper's allocation throws the field still holds the freed memory.
final class FreeThenRefillThroughHelper implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment storage;

    FreeThenRefillThroughHelper(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.storage = allocator.alloc(16);
    }

    private void refill(long size) throws AllocationException {
        storage = allocator.alloc(size);
    }

    void resize(long size) throws AllocationException {
        allocator.free(storage);
        refill(size); // expect: [double-free] "`storage` still holds the memory freed on line 22 when `refill(...)` throws"
    }

    void reset() {
        allocator.free(storage);
        storage = null;
    }

    @Override
    public void close() {
        if (storage != null) {
            allocator.free(storage);
        }
    }
}
