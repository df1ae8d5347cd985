package modleak;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;

class Leaks {
    void leaks(Allocator allocator) throws AllocationException {
        MemorySegment bytes = allocator.alloc(16); // expect: [owned-not-freed]
        bytes.fill((byte) 0);
    }

    void frees(Allocator allocator) throws AllocationException {
        MemorySegment bytes = allocator.alloc(16);
        try {
            bytes.fill((byte) 0);
        } finally {
            allocator.free(bytes);
        }
    }
}
