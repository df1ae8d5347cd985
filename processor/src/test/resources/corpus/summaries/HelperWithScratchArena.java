package corpus.summaries;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// Helpers that take scratch memory from an arena that a try-with-resources closes: the scratch arena
// never shows in what they do to their callers, while what they take or hand out still does.
class HelperWithScratchArena {
    void discardsFactoryResult(Allocator allocator) throws AllocationException {
        zeroedCopy(allocator, 16); // expect: [owned-not-freed] "discarded"
    }

    void freesTwice(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(16);
        fillAndFree(allocator, s);
        allocator.free(s); // expect: [double-free]
    }

    long measures(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(16);
        long size = scratchSize(s);
        allocator.free(s);
        return size;
    }

    private static MemorySegment zeroedCopy(Allocator allocator, long size) throws AllocationException {
        MemorySegment copy = allocator.alloc(size);
        try (Arena scratch = Arena.ofConfined()) {
            copy.copyFrom(scratch.allocate(size));
        }
        return copy;
    }

    private static void fillAndFree(Allocator allocator, MemorySegment segment) {
        try (Arena scratch = Arena.ofConfined()) {
            segment.copyFrom(scratch.allocate(segment.byteSize()));
        }
        allocator.free(segment);
    }

    private static long scratchSize(MemorySegment segment) {
        try (Arena scratch = Arena.ofConfined()) {
            return scratch.allocate(segment.byteSize()).byteSize();
        }
    }
}
