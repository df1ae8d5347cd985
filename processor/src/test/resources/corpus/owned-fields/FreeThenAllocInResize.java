package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class FreeThenAllocInResize implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment storage;

    FreeThenAllocInResize(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.storage = allocator.alloc(16);
    }

    void resize(long size) throws AllocationException {
        allocator.free(storage);
        storage = allocator.alloc(size); // expect: [double-free] "`storage` still holds the memory freed on line 16 when `allocator.alloc(...)` throws; close() will free it again"
    }

    @Override
    public void close() {
        allocator.free(storage);
    }
}
