package corpus.release_helpers;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.allocdiscipline.*;

final class UsedAfterHelperReleased implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment buffer;

    UsedAfterHelperReleased(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.buffer = allocator.alloc(64);
    }

    @Override
    public void close() {
        release();
        buffer.set(ValueLayout.JAVA_BYTE, 0, (byte) 0); // expect: [use-after-free] "`buffer` is used after the @Owned field `buffer` (line 9) was released on every path to here"
    }

    private void release() {
        allocator.free(buffer);
    }
}
