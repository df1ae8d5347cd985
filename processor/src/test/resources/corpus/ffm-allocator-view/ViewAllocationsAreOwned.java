package corpus.ffmview;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import org.allocdiscipline.*;

// What an allocator's SegmentAllocator view hands out is owned exactly as what its alloc returns.
class ViewAllocationsAreOwned {
    long straightThroughTheView(Allocator allocator, String text) {
        MemorySegment name = allocator.asSegmentAllocator().allocateFrom(text); // expect: [owned-not-freed] "The owned value from `allocator.asSegmentAllocator(...).allocateFrom(...)` is not freed on the path through the `return` on line 13"
        if (text.isEmpty()) {
            return 0;
        }
        long length = name.byteSize();
        allocator.free(name);
        return length;
    }

    void throughAViewLocal(Allocator allocator, int count) {
        SegmentAllocator view = allocator.asSegmentAllocator();
        MemorySegment ints = view.allocate(ValueLayout.JAVA_INT, count); // expect: [owned-not-freed] "The owned value from `view.allocate(...)` is not freed when the method ends"
        ints.fill((byte) 0);
    }

    void eachIteration(Allocator allocator, int rounds) {
        SegmentAllocator view = allocator.asSegmentAllocator();
        for (int i = 0; i < rounds; i++) {
            MemorySegment scratch = view.allocate(64); // expect: [owned-not-freed] "at the end of the loop iteration"
            scratch.fill((byte) i);
        }
    }

    void discarded(Allocator allocator) {
        allocator.asSegmentAllocator().allocate(16); // expect: [owned-not-freed] "is discarded"
    }

    void lentToADowncall(Allocator allocator, String text) {
        strlen(allocator.asSegmentAllocator().allocateFrom(text)); // expect: [owned-not-freed] "lent to `strlen(...)`"
    }

    void fromAPrivateHelper(Allocator allocator) {
        MemorySegment s = cString(allocator, "name"); // expect: [owned-not-freed] "The owned value from `cString(...)`"
        s.fill((byte) 0);
    }

    private static MemorySegment cString(Allocator allocator, String text) {
        return allocator.asSegmentAllocator().allocateFrom(text);
    }

    private static long strlen(MemorySegment s) {
        return s.byteSize();
    }
}
