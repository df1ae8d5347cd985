package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class AllocThenFreeThenAssign implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment storage;

    AllocThenFreeThenAssign(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.storage = allocator.alloc(16);
    }

    void resize(long size) throws AllocationException {
        MemorySegment bigger = allocator.alloc(size);
        bigger.copyFrom(storage.asSlice(0, Math.min(size, storage.byteSize())));
        allocator.free(storage);
        storage = bigger;
    }

    void replaceKeepingOld(long size) throws AllocationException {
        MemorySegment old = storage;
        storage = allocator.alloc(size);
        allocator.free(old);
    }

    @Owned
    MemorySegment detach() throws AllocationException {
        MemorySegment detached = this.storage;
        this.storage = allocator.alloc(16);
        return detached;
    }

    @Override
    public void close() {
        allocator.free(storage);
    }
}
