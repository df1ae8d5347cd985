package corpus.ffmunclosable;

import java.lang.foreign.Arena;

/** Confined and shared arenas are closed; arenas of unknown kind are not judged: nothing to report. */
class ClosingOwnedArenasIsFine {
    static void owned() {
        Arena confined = Arena.ofConfined();
        confined.close();
        try (Arena shared = Arena.ofShared()) {
            shared.allocate(8);
        }
    }

    static void unknown(Arena arena, boolean auto) {
        Arena chosen = auto ? Arena.ofAuto() : arena;
        arena.close();
        if (!auto) {
            chosen.close();
        }
    }
}
