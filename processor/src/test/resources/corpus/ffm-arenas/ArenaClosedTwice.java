package corpus.ffmarenas;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

class ArenaClosedTwice {
    // Lucene #15106: closed by hand inside the try-with-resources that closes it again.
    void insideTryWithResources() {
        try (Arena arena = Arena.ofConfined()) { // expect: [double-free]
            arena.allocate(8);
            arena.close();
        }
    }

    void twice() {
        Arena arena = Arena.ofShared();
        arena.close();
        arena.close(); // expect: [double-free]
    }
}
