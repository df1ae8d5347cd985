package corpus.collections;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.allocdiscipline.*;

// A collection that is dropped with its values still owed: reported at the allocation, with the path
// that drops the collection.
class ListDropped {
    void deque(Allocator allocator) throws AllocationException {
        Deque<MemorySegment> stack = new ArrayDeque<>();
        stack.push(allocator.alloc(16)); // expect: [owned-not-freed] "when the method ends"
    }

    void map(Allocator allocator) throws AllocationException {
        Map<String, MemorySegment> byName = new HashMap<>();
        MemorySegment s = allocator.alloc(16); // expect: [owned-not-freed] "when the method ends"
        byName.put("a", s);
    }

    void mapFreed(Allocator allocator) throws AllocationException {
        Map<String, MemorySegment> byName = new HashMap<>();
        byName.put("a", allocator.alloc(16));
        for (MemorySegment s : byName.values()) {
            allocator.free(s);
        }
    }

    void mapFreedWithForEach(Allocator allocator) throws AllocationException {
        Map<String, MemorySegment> byName = new HashMap<>();
        byName.put("a", allocator.alloc(16));
        byName.values().forEach(allocator::free);
    }

    void loopFreesSomeOnly(Allocator allocator, boolean keep) throws AllocationException {
        Deque<MemorySegment> stack = new ArrayDeque<>();
        stack.push(allocator.alloc(16)); // expect: [owned-not-freed] "when the method ends"
        for (MemorySegment s : stack) {
            if (keep) {
                allocator.free(s);
            }
        }
    }
}
