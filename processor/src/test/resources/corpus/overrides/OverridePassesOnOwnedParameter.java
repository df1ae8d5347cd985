package corpus.overrides;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class OverridePassesOnOwnedParameter implements Allocator {
    private final Allocator backing;

    OverridePassesOnOwnedParameter(Allocator backing) {
        this.backing = backing;
    }

    @Override
    public MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException {
        return backing.alloc(byteSize, byteAlignment);
    }

    @Override
    public MemorySegment realloc(@Owned MemorySegment memory, long newByteSize) throws AllocationException {
        return backing.realloc(memory, newByteSize);
    }

    @Override
    public void free(@Owned MemorySegment memory) {
        backing.free(memory);
    }
}
