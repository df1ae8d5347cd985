package corpus.ffmview;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import org.allocdiscipline.*;

class ViewFreedWrongOrTwice {
    void freedTwice(Allocator allocator) {
        MemorySegment s = allocator.asSegmentAllocator().allocate(8);
        try {
            s.fill((byte) 0);
            allocator.free(s);
        } finally {
            allocator.free(s); // expect: [double-free] "releases the value from `allocator.asSegmentAllocator(...).allocate(...)` (line 10)"
        }
    }

    byte usedAfterFree(Allocator allocator) {
        SegmentAllocator view = allocator.asSegmentAllocator();
        MemorySegment s = view.allocateFrom("x");
        allocator.free(s);
        return s.get(ValueLayout.JAVA_BYTE, 0); // expect: [use-after-free] "`s` is used after the value from `view.allocateFrom(...)` (line 21) was released"
    }

    void otherAllocator(Allocator backing) throws AllocationException {
        try (GeneralPurposeAllocator small = new GeneralPurposeAllocator(backing);
             GeneralPurposeAllocator large = new GeneralPurposeAllocator(backing)) {
            MemorySegment s = small.asSegmentAllocator().allocate(64);
            large.free(s); // expect: [wrong-allocator] "`large.free(...)` frees the value from `small.asSegmentAllocator(...).allocate(...)` (line 29)"
        }
    }

    void viewLocalOfOneFreedThroughTheOther(Allocator backing) throws AllocationException {
        try (GeneralPurposeAllocator one = new GeneralPurposeAllocator(backing);
             GeneralPurposeAllocator two = new GeneralPurposeAllocator(backing)) {
            SegmentAllocator view = one.asSegmentAllocator();
            two.free(view.allocate(8)); // expect: [wrong-allocator]
        }
    }

    void regionFreedThroughItsBacking(Allocator backing) throws AllocationException {
        try (ArenaAllocator scratch = new ArenaAllocator(backing)) {
            backing.free(scratch.asSegmentAllocator().allocate(8)); // expect: [wrong-allocator]
        }
    }
}
