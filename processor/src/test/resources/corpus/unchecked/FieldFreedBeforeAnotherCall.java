package corpus.unchecked;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// With unchecked exceptions every call may throw: a field freed and then filled from a call is left
// dangling when that call throws; a field nulled first, or filled with no call in between, is not.
final class FieldFreedBeforeAnotherCall implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment storage;
    @Owned private MemorySegment index;

    FieldFreedBeforeAnotherCall(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.storage = allocator.alloc(16);
        this.index = allocator.alloc(16);
    }

    private void releaseBoth() {
        try {
            allocator.free(storage);
        } finally {
            allocator.free(index);
        }
    }

    void recompute() {
        allocator.free(storage);
        storage = compute(); // expect: [double-free] "`storage` still holds the memory freed on line 28 when `compute(...)` throws"
    }

    void swap(@Owned MemorySegment next) {
        allocator.free(index);
        index = next;
    }

    private MemorySegment compute() {
        try {
            return allocator.alloc(16);
        } catch (AllocationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        releaseBoth();
    }
}
