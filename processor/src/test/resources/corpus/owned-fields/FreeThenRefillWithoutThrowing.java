package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// Freeing the field and filling it again through a helper that cannot throw leaves nothing dangling.
final class FreeThenRefillWithoutThrowing implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment storage;
    @Owned private MemorySegment spare;

    FreeThenRefillWithoutThrowing(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.storage = allocator.alloc(16);
        this.spare = allocator.alloc(16);
    }

    private void takeSpare() {
        storage = spare;
        spare = null;
    }

    void swap() {
        allocator.free(storage);
        takeSpare();
    }

    void replace(@Owned MemorySegment next) {
        allocator.free(this.storage);
        this.storage = next;
    }

    @Override
    public void close() {
        allocator.free(storage);
        if (spare != null) {
            allocator.free(spare);
        }
    }
}
