package corpus.free_then_null;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// close() frees its @Owned field and sets it to null, directly or through a helper; a later guarded
// free of the field sees null.
final class NullAfterFreeInClose implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment data;
    @Owned private MemorySegment index;

    NullAfterFreeInClose(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.data = allocator.alloc(64);
        this.index = allocator.alloc(64);
    }

    private void releaseIndex() {
        allocator.free(index);
        index = null;
    }

    @Override
    public void close() {
        allocator.free(data);
        data = null;
        if (data != null) {
            allocator.free(data);
        }
        releaseIndex();
        if (index != null) {
            allocator.free(index);
        }
    }
}
