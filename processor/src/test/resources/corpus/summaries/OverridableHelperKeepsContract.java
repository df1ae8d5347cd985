package corpus.summaries;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// An overridable method's body is not read: a subclass may replace it, so its annotations are the
// contract, and without @Owned on the parameter the caller still owns what it passed.
class OverridableHelperKeepsContract {
    void use(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(16); // expect: [owned-not-freed] "lent to `release(...)` on line 11, whose body is not read"
        release(allocator, s);
    }

    protected void release(Allocator allocator, MemorySegment segment) {
        allocator.free(segment);
    }
}
