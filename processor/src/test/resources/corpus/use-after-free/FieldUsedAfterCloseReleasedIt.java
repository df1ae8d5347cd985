package corpus.use_after_free;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class FieldUsedAfterCloseReleasedIt implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment buffer;
    @Owned private final MemorySegment header;

    FieldUsedAfterCloseReleasedIt(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
        this.header = allocator.alloc(16);
    }

    @Override
    public void close() {
        allocator.free(buffer);
        allocator.free(header);
        if (buffer != null) {
            buffer.fill((byte) 0); // expect: [use-after-free]
        }
        this.header.fill((byte) 0); // expect: [use-after-free]
    }
}
