package corpus.ffmarenas;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Arenas kept by objects: an instance field that holds an arena is closed by the class's close(). */
class ArenaFields {
    static final class Buffers implements AutoCloseable {
        private final Arena arena = Arena.ofShared();
        private final MemorySegment scratch = arena.allocate(1024);

        MemorySegment scratch() {
            return scratch;
        }

        @Override
        public void close() {
            arena.close();
        }
    }

    static final class Session implements AutoCloseable {
        private final Arena arena;

        Session() {
            this.arena = Arena.ofConfined();
        }

        MemorySegment name(String text) {
            return arena.allocateFrom(text);
        }

        @Override
        public void close() {
            arena.close();
        }
    }

    static final class Forgetful implements AutoCloseable {
        private final Arena arena = Arena.ofConfined(); // expect: [owned-not-freed] "The arena field `arena`"

        @Override
        public void close() {
        }
    }

    static final class Shared {
        // A static arena lives as long as its class: nothing to close.
        static final Arena PROCESS = Arena.ofShared();
    }

    static final class NoClose {
        private final Arena arena; // expect: [owned-not-freed] "the class has no close() method"

        NoClose() {
            arena = Arena.ofConfined();
        }

        MemorySegment buffer() {
            return arena.allocate(64);
        }
    }
}
