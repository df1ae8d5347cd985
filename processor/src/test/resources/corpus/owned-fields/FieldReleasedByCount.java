package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Owned;

/** A counting close() frees its @Owned field with the last holder; a flag is no count. */
final class FieldReleasedByCount implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment buffer;
    private int holders = 1;

    FieldReleasedByCount(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        if (--holders == 0) {
            allocator.free(buffer);
        }
    }
}

final class FieldFreedUnlessKept implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment buffer; // expect: [owned-not-freed] "The @Owned field `buffer` is not freed when close() ends"
    private boolean kept;

    FieldFreedUnlessKept(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        if (!kept) {
            allocator.free(buffer);
        }
    }
}
