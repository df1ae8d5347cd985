package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class StoredIntoPlainFieldIsDropped {
    private MemorySegment cache;

    void fill(Allocator allocator) throws AllocationException {
        cache = allocator.alloc(64); // expect: [owned-not-freed] "The owned value from `allocator.alloc(...)` is stored into `cache` on line 10, which is not an @Owned field, so nobody owns it"
    }
}
