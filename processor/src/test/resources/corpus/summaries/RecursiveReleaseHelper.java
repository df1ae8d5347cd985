package corpus.summaries;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// Recursive helpers: one that frees at the bottom of its recursion takes its argument; one that never
// frees leaves it to the caller.
class RecursiveReleaseHelper {
    void freed(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        releaseAfter(allocator, s, 3);
    }

    void stillOwned(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        descend(s, 3);
        allocator.free(s);
    }

    void leaks(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        descend(s, 3);
    }

    private static void releaseAfter(Allocator allocator, MemorySegment s, int depth) {
        if (depth == 0) {
            allocator.free(s);
            return;
        }
        releaseAfter(allocator, s, depth - 1);
    }

    private static void descend(MemorySegment s, int depth) {
        if (depth > 0) {
            descend(s, depth - 1);
        }
    }

    // Mutual recursion: each frees on the way down or hands on to the other.
    private static void even(Allocator allocator, MemorySegment s, int n) {
        if (n == 0) {
            allocator.free(s);
        } else {
            odd(allocator, s, n - 1);
        }
    }

    private static void odd(Allocator allocator, MemorySegment s, int n) {
        even(allocator, s, n);
    }

    void mutual(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        even(allocator, s, 4);
    }
}
