package corpus.release_helpers;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class HelperCallsHelper implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment buffer;
    @Owned private ArenaAllocator scratch;

    HelperCallsHelper(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
        this.scratch = new ArenaAllocator(allocator);
    }

    @Override
    public void close() {
        releaseAll();
    }

    // Not private, but the class is final: nothing can replace it.
    void releaseAll() {
        try {
            scratch.close();
        } finally {
            releaseBuffer();
        }
    }

    private void releaseBuffer() {
        if (buffer != null) {
            allocator.free(buffer);
        }
    }
}
