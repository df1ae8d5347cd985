package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class FieldLeakedOnEarlyReturnFromClose implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment buffer; // expect: [owned-not-freed] "The @Owned field `buffer` is not freed on the path through the `return` on line 19 of close()"
    private boolean detached;

    FieldLeakedOnEarlyReturnFromClose(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        if (detached) {
            return;
        }
        allocator.free(buffer);
    }
}
