package corpus.ffmarenas;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

class SegmentUsedAfterArenaClosed {
    // java-tree-sitter #29: read after the try-with-resources closed the arena.
    byte afterTryWithResources(String text) {
        MemorySegment name;
        try (Arena arena = Arena.ofConfined()) {
            name = arena.allocateFrom(text);
        }
        return name.get(ValueLayout.JAVA_BYTE, 0); // expect: [use-after-free] "belongs to the region `Arena.ofConfined(...)` (line 12), which was closed on every path to here"
    }

    long throughAllocatorVariableAndSlice() {
        MemorySegment tail;
        Arena arena = Arena.ofConfined();
        try {
            SegmentAllocator allocator = arena;
            MemorySegment whole = allocator.allocate(64);
            tail = whole.asSlice(32).reinterpret(16);
        } finally {
            arena.close();
        }
        return tail.get(ValueLayout.JAVA_LONG, 0); // expect: [use-after-free]
    }

    long attached(MemorySegment pointer) {
        MemorySegment view;
        try (Arena arena = Arena.ofConfined()) {
            view = pointer.reinterpret(8, arena, null);
        }
        return view.get(ValueLayout.JAVA_LONG, 0); // expect: [use-after-free]
    }

    void arenaUsedAfterClose() {
        Arena arena = Arena.ofConfined();
        arena.close();
        arena.allocate(8); // expect: [use-after-free]
    }
}
