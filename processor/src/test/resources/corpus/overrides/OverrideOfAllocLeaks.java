package corpus.overrides;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class OverrideOfAllocLeaks implements Allocator {
    private final Allocator backing;

    OverrideOfAllocLeaks(Allocator backing) {
        this.backing = backing;
    }

    @Override
    public MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException {
        return backing.alloc(byteSize, byteAlignment);
    }

    @Override
    public MemorySegment realloc(MemorySegment memory, long newByteSize) throws AllocationException {
        return backing.realloc(memory, newByteSize);
    }

    @Override
    public void free(MemorySegment memory) {
        backing.free(memory);
    }

    static void use(OverrideOfAllocLeaks counting) throws AllocationException {
        MemorySegment s = counting.alloc(8, 1); // expect: [owned-not-freed]
    }
}
