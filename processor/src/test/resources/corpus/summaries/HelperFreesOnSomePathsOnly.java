package corpus.summaries;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// A helper that frees its argument on some paths only: the caller may still owe it, and freeing it
// afterwards may free it twice.
class HelperFreesOnSomePathsOnly {
    void leaks(Allocator allocator, boolean done) throws AllocationException {
        MemorySegment s = allocator.alloc(16); // expect: [owned-not-freed] "only on some paths"
        maybeRelease(allocator, s, done);
    }

    void freesTwice(Allocator allocator, boolean done) throws AllocationException {
        MemorySegment s = allocator.alloc(16);
        maybeRelease(allocator, s, done);
        allocator.free(s); // expect: [double-free]
    }

    private void maybeRelease(Allocator allocator, MemorySegment segment, boolean done) {
        if (done) {
            allocator.free(segment);
        }
    }
}
