package corpus.ffmarenas;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** A user-written arena: an arena made with new is owned like one from Arena.ofConfined(). */
class UserArenaImplementation {
    static final class SlicingArena implements Arena {
        private final Arena backing = Arena.ofConfined();

        @Override
        public MemorySegment allocate(long byteSize, long byteAlignment) {
            return backing.allocate(byteSize, byteAlignment);
        }

        @Override
        public MemorySegment.Scope scope() {
            return backing.scope();
        }

        @Override
        public void close() {
            backing.close();
        }
    }

    long leaked() {
        SlicingArena arena = new SlicingArena(); // expect: [owned-not-freed]
        return arena.allocate(8).byteSize();
    }

    long closed() {
        try (SlicingArena arena = new SlicingArena()) {
            return arena.allocate(8).byteSize();
        }
    }

    long usedAfterClose() {
        MemorySegment s;
        try (Arena arena = new SlicingArena()) {
            s = arena.allocate(8);
        }
        return s.byteSize(); // expect: [use-after-free]
    }
}
