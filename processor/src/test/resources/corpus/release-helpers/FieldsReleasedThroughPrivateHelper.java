package corpus.release_helpers;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FieldsReleasedThroughPrivateHelper implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment keys;
    @Owned private final MemorySegment values;

    FieldsReleasedThroughPrivateHelper(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.keys = allocator.alloc(64);
        this.values = allocator.alloc(64);
    }

    @Override
    public void close() {
        releaseKeys();
        this.releaseValues();
    }

    private void releaseKeys() {
        allocator.free(keys);
    }

    private void releaseValues() {
        allocator.free(this.values);
    }
}
