package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class FieldNotReleasedInClose implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment buffer; // expect: [owned-not-freed] "The @Owned field `buffer` is not freed when close() ends (line 18)"

    FieldNotReleasedInClose(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        System.out.println("closing " + allocator);
    }
}
