package corpus.ffmview;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.function.Consumer;
import org.allocdiscipline.*;

class ViewIdiomsStaySilent {
    private final Allocator allocator;

    ViewIdiomsStaySilent(Allocator allocator) {
        this.allocator = allocator;
    }

    long freedInFinally(Allocator allocator, String text) {
        MemorySegment name = allocator.asSegmentAllocator().allocateFrom(text);
        try {
            return name.byteSize();
        } finally {
            allocator.free(name);
        }
    }

    void freedThroughTheField() {
        MemorySegment s = allocator.asSegmentAllocator().allocate(8);
        s.fill((byte) 0);
        allocator.free(s);
    }

    @Owned
    MemorySegment handedOn(Allocator allocator, String text) {
        return allocator.asSegmentAllocator().allocateFrom(text);
    }

    int arenaRegion(Allocator backing) {
        try (ArenaAllocator arena = new ArenaAllocator(backing)) {
            SegmentAllocator view = arena.asSegmentAllocator();
            MemorySegment one = view.allocateFrom("one");
            MemorySegment ints = arena.asSegmentAllocator().allocate(ValueLayout.JAVA_INT, 4);
            ints.setAtIndex(ValueLayout.JAVA_INT, 0, (int) one.byteSize());
            return ints.getAtIndex(ValueLayout.JAVA_INT, 0);
        }
    }

    void regionParameter(ArenaAllocator scratch) {
        scratch.asSegmentAllocator().allocateFrom("kept until the caller closes it").fill((byte) 0);
    }

    void fixedBuffer(MemorySegment buffer) {
        try (FixedBufferAllocator fixed = new FixedBufferAllocator(buffer)) {
            fixed.asSegmentAllocator().allocateFrom("x").fill((byte) 0);
        }
    }

    void lentToCodeThatTakesASegmentAllocator(Allocator allocator, Consumer<SegmentAllocator> fill) {
        fill.accept(allocator.asSegmentAllocator());
    }

    void eitherAViewOrAnArena(Allocator allocator, boolean shortLived) {
        try (Arena arena = Arena.ofConfined()) {
            SegmentAllocator chosen = shortLived ? arena : allocator.asSegmentAllocator();
            chosen.allocate(8).fill((byte) 0);
        }
    }

    void freedEachIteration(Allocator allocator, int rounds) {
        SegmentAllocator view = allocator.asSegmentAllocator();
        for (int i = 0; i < rounds; i++) {
            MemorySegment scratch = view.allocate(64);
            scratch.fill((byte) i);
            allocator.free(scratch);
        }
    }

    void viewUsedWhileTheRegionIsOpen(Allocator backing) {
        SegmentAllocator view;
        try (ArenaAllocator arena = new ArenaAllocator(backing)) {
            view = arena.asSegmentAllocator();
            view.allocate(8).fill((byte) 1);
            view.allocate(8).fill((byte) 2);
        }
    }
}
