package corpus.unchecked;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import org.allocdiscipline.*;

// An allocator's SegmentAllocator view reports a failed allocation as UncheckedAllocationException:
// with unchecked exceptions, the second allocation's failure is a path on which the first one leaks.
class ViewAllocationFailsUnchecked {
    void twoStrings(Allocator allocator) {
        SegmentAllocator view = allocator.asSegmentAllocator();
        MemorySegment key = view.allocateFrom("key"); // expect: [owned-not-freed] "is not freed when RuntimeException is thrown by `view.allocateFrom(...)` on line 13"
        MemorySegment value = view.allocateFrom("value");
        allocator.free(value);
        allocator.free(key);
    }

    void secondInsideTheTry(Allocator allocator) {
        SegmentAllocator view = allocator.asSegmentAllocator();
        MemorySegment key = view.allocateFrom("key");
        try {
            MemorySegment value = view.allocateFrom("value");
            allocator.free(value);
        } finally {
            allocator.free(key);
        }
    }
}
