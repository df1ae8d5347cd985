package corpus.ffmarenas;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The usual ways to use arenas correctly: nothing to report. */
class ArenaIdiomsStaySilent {
    long temporary(String text) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocateFrom(text);
            return s.byteSize();
        }
    }

    long[] copiedOut() {
        long[] copy;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(ValueLayout.JAVA_LONG, 4);
            copy = s.toArray(ValueLayout.JAVA_LONG);
        }
        return copy;
    }

    long finallyClose() {
        Arena arena = Arena.ofShared();
        try {
            return arena.allocate(16).byteSize();
        } finally {
            arena.close();
        }
    }

    public static void main(String[] args) {
        // Automatic and global arenas owe nothing.
        MemorySegment s = Arena.ofAuto().allocate(8);
        Arena global = Arena.global();
        global.allocate(8).fill((byte) 0);
        s.fill((byte) 1);
    }

    Arena handedToCaller() {
        return Arena.ofConfined();
    }

    void parameter(Arena arena) {
        MemorySegment s = arena.allocate(8);
        arena.close();
        s.byteSize();
    }
}
