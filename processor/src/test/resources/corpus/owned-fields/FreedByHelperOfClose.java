package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class FreedByHelperOfClose implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment storage;
    @Owned private MemorySegment index;

    FreedByHelperOfClose(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.storage = allocator.alloc(16);
        this.index = allocator.alloc(16);
    }

    private void releaseStorage() {
        allocator.free(storage);
    }

    void releaseAll() {
        releaseStorage();
        allocator.free(index);
    }

    @Override
    public void close() {
        releaseAll();
    }
}
