package org.allocdiscipline.samples.wrong;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Plain FFM: a library method that picks an automatic arena for its caller. */
public final class HiddenAutoArena {
    private HiddenAutoArena() {
    }

    public static MemorySegment cString(String text) {
        return Arena.ofAuto().allocateFrom(text); // expect: [hardcoded-allocator] "allocates from `Arena.ofAuto(...)` instead of taking an allocator from its caller"
    }
}
