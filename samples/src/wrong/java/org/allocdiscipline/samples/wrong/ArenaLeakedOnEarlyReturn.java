package org.allocdiscipline.samples.wrong;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Plain FFM: a confined arena closed at the end, but not on the early return. */
public final class ArenaLeakedOnEarlyReturn {
    private ArenaLeakedOnEarlyReturn() {
    }

    public static int firstByte(String text) {
        Arena arena = Arena.ofConfined(); // expect: [owned-not-freed] "is not freed on the path through the `return` on line 16"
        MemorySegment name = arena.allocateFrom(text);
        if (name.byteSize() > 4096) {
            return -1;
        }
        int first = name.get(ValueLayout.JAVA_BYTE, 0);
        arena.close();
        return first;
    }
}
