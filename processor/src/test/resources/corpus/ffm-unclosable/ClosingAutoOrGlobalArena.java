package corpus.ffmunclosable;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

class ClosingAutoOrGlobalArena {
    public static void main(String[] args) {
        Arena arena = Arena.ofAuto();
        MemorySegment s = arena.allocate(8);
        s.fill((byte) 0);
        arena.close(); // expect: [unclosable-arena] "close() on `arena`, which holds `Arena.ofAuto(...)` (line 8), always throws UnsupportedOperationException"
    }

    @org.allocdiscipline.ChoosesAllocator
    static long global() {
        try (Arena arena = Arena.global()) { // expect: [unclosable-arena] "Closing `Arena.global(...)` at the end of this try-with-resources always throws"
            return arena.allocate(8).byteSize();
        }
    }

    @org.allocdiscipline.ChoosesAllocator
    static void direct() {
        Arena.ofAuto().close(); // expect: [unclosable-arena]
    }
}
