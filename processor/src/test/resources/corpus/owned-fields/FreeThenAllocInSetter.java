package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class FreeThenAllocInSetter implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment storage;

    FreeThenAllocInSetter(Allocator allocator) throws AllocationException {
        this.allocator = allocator;
        this.storage = allocator.alloc(16);
    }

    void setBytes(byte[] bytes) throws AllocationException {
        this.allocator.free(this.storage);
        MemorySegment copy = allocator.alloc(bytes.length); // expect: [double-free] "`storage` still holds the memory freed on line 16"
        copy.copyFrom(MemorySegment.ofArray(bytes));
        this.storage = copy;
    }

    @Override
    public void close() {
        allocator.free(storage);
    }
}
