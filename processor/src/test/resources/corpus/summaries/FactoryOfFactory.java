package corpus.summaries;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// Summaries compose: a factory that calls a factory, a helper that calls a helper.
final class FactoryOfFactory {
    void roundTrip(Allocator allocator) throws AllocationException {
        MemorySegment s = twice(allocator);
        dispose(allocator, s);
    }

    void leaks(Allocator allocator) throws AllocationException {
        MemorySegment s = twice(allocator); // expect: [owned-not-freed]
    }

    private MemorySegment twice(Allocator allocator) throws AllocationException {
        return once(allocator);
    }

    private MemorySegment once(Allocator allocator) throws AllocationException {
        return allocator.alloc(8);
    }

    void dispose(Allocator allocator, MemorySegment s) {
        release(allocator, s);
    }

    private void release(Allocator allocator, MemorySegment s) {
        allocator.free(s);
    }
}
