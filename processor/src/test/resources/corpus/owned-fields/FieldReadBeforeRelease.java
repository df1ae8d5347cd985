package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.allocdiscipline.*;

final class FieldReadBeforeRelease implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment buffer;

    FieldReadBeforeRelease(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        buffer.fill((byte) 0);
        long first = this.buffer.get(ValueLayout.JAVA_BYTE, 0);
        allocator.free(buffer);
        buffer = null;
        System.out.println("closed, first byte was " + first);
    }
}
