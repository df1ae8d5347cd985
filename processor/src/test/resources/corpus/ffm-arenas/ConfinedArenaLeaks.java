package corpus.ffmarenas;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;

class ConfinedArenaLeaks {
    // Tomcat 580dc3d5: the arena is closed on the happy path only.
    int earlyReturn(String text) {
        Arena arena = Arena.ofConfined(); // expect: [owned-not-freed] "return"
        MemorySegment s = arena.allocateFrom(text);
        if (s.byteSize() > 100) {
            return -1;
        }
        int first = s.get(ValueLayout.JAVA_BYTE, 0);
        arena.close();
        return first;
    }

    long checkedException(Path path) throws IOException {
        Arena arena = Arena.ofShared(); // expect: [owned-not-freed] "IOException"
        long size = Files.size(path);
        MemorySegment s = arena.allocate(size);
        long allocated = s.byteSize();
        arena.close();
        return allocated;
    }

    void discarded() {
        Arena.ofConfined(); // expect: [owned-not-freed]
    }

    void perIteration(String[] names) {
        for (String name : names) {
            Arena arena = Arena.ofConfined(); // expect: [owned-not-freed] "loop"
            arena.allocateFrom(name);
        }
    }

    void neverClosed() {
        Arena arena = Arena.ofShared(); // expect: [owned-not-freed]
        arena.allocate(8);
    }
}
