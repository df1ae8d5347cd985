package corpus.release_helpers;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class HelperReleasesOneOfTwo implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment keys;
    @Owned private final MemorySegment values; // expect: [owned-not-freed]

    HelperReleasesOneOfTwo(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.keys = allocator.alloc(64);
        this.values = allocator.alloc(64);
    }

    @Override
    public void close() {
        releaseKeys();
    }

    private void releaseKeys() {
        allocator.free(keys);
    }
}
