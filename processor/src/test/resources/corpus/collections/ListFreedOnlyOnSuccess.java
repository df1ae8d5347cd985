package corpus.collections;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.allocdiscipline.*;

// Freed by a loop after the filling loop, not in finally: when an allocation fails, the values
// already in the list are lost.
class ListFreedOnlyOnSuccess {
    void fill(Allocator allocator, int n) throws AllocationException {
        List<MemorySegment> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(allocator.alloc(16)); // expect: [owned-not-freed] "AllocationException is thrown by `allocator.alloc(...)`"
        }
        for (MemorySegment s : all) {
            allocator.free(s);
        }
    }
}
