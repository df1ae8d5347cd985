package corpus.unchecked;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// With unchecked exceptions every call may throw: a helper that frees its argument first still took
// it when it throws, and one that frees it last leaves it to the caller when something before throws.
class HelperReleasesParameterBeforeThrowing {
    void freedFirst(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(16);
        release(allocator, s);
    }

    void freedLast(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(16); // expect: [owned-not-freed] "RuntimeException is thrown by `useThenRelease(...)`"
        useThenRelease(allocator, s);
    }

    private static void release(Allocator allocator, MemorySegment s) {
        allocator.free(s);
    }

    private static void useThenRelease(Allocator allocator, MemorySegment s) {
        s.fill((byte) 1);
        allocator.free(s);
    }
}
