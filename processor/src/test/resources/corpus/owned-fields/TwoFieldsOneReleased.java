package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class TwoFieldsOneReleased implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment keys;
    @Owned private MemorySegment values; // expect: [owned-not-freed]

    TwoFieldsOneReleased(Allocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public void close() {
        allocator.free(keys);
    }
}
