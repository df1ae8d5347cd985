package corpus.ffmview;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import org.allocdiscipline.*;

// A region's view allocates from the region: closing the region releases what the view handed out.
class ViewOfARegion {
    byte segmentAfterTheRegionClosed(Allocator backing) {
        MemorySegment name;
        try (ArenaAllocator arena = new ArenaAllocator(backing)) {
            name = arena.asSegmentAllocator().allocateFrom("config.toml");
        }
        return name.get(ValueLayout.JAVA_BYTE, 0); // expect: [use-after-free] "belongs to the region `new ArenaAllocator(...)` (line 12), which was closed on every path to here"
    }

    void viewAfterTheRegionClosed(Allocator backing) {
        SegmentAllocator view;
        try (ArenaAllocator arena = new ArenaAllocator(backing)) {
            view = arena.asSegmentAllocator();
            view.allocate(8).fill((byte) 1);
        }
        view.allocate(8).fill((byte) 2); // expect: [use-after-free] "`view` is used, but the allocator it views, `new ArenaAllocator(...)` (line 20), was released on every path to here. Fix: Allocate through the view only while its allocator is open."
    }

    void regionNotClosed(Allocator backing) {
        ArenaAllocator arena = new ArenaAllocator(backing); // expect: [owned-not-freed] "The owned value from `new ArenaAllocator(...)` is not freed when the method ends"
        arena.asSegmentAllocator().allocateFrom("never closed").fill((byte) 0);
    }

    void temporaryRegion(Allocator backing) {
        SegmentAllocator view = new ArenaAllocator(backing).asSegmentAllocator(); // expect: [owned-not-freed] "lent to `(...).asSegmentAllocator(...)`"
        view.allocate(8).fill((byte) 0);
    }
}
