package corpus.ffmescapes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.allocdiscipline.*;

/** Escapes through loops, finally blocks, virtual threads and the project's own region allocators. */
class EscapesInLoopsFinallyAndRegions {
    MemorySegment last;

    void everyIterationEscapes(List<String> names) {
        Arena arena = Arena.ofConfined();
        for (String name : names) {
            last = arena.allocateFrom(name); // expect: [use-after-free] "which `arena.close(...)` closes (line 17)"
        }
        arena.close();
    }

    void closedInFinally() {
        Arena arena = Arena.ofShared();
        try {
            last = arena.allocate(8); // expect: [use-after-free] "is stored into `last`"
        } finally {
            arena.close();
        }
    }

    void virtualThread() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            Thread.startVirtualThread(() -> s.fill((byte) 0)); // expect: [use-after-free] "Thread.startVirtualThread runs on another thread"
        }
    }

    MemorySegment regionValue(Allocator backing) throws AllocationException {
        try (ArenaAllocator scratch = new ArenaAllocator(backing)) {
            return scratch.alloc(16); // expect: [use-after-free] "belongs to `new ArenaAllocator(...)` (line 37)"
        }
    }

    MemorySegment closedOnlyOnSomePaths(boolean close) {
        Arena arena = Arena.ofConfined(); // expect: [owned-not-freed]
        MemorySegment s = arena.allocate(8);
        last = s;
        if (close) {
            arena.close();
        }
        return null;
    }
}
