package corpus.free_then_null;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// Setting an @Owned field to null without freeing it first loses it.
final class NullWithoutFreeInClose implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment data; // expect: [owned-not-freed]

    NullWithoutFreeInClose(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.data = allocator.alloc(64);
    }

    private void forget() {
        data = null;
    }

    @Override
    public void close() {
        forget();
    }
}
