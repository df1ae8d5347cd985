package org.allocdiscipline.samples.wrong;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Plain FFM: a segment read after the try-with-resources closed its arena. */
public final class SegmentUsedAfterArenaClosed {
    private SegmentUsedAfterArenaClosed() {
    }

    public static byte firstByte(String text) {
        MemorySegment name;
        try (Arena arena = Arena.ofConfined()) {
            name = arena.allocateFrom(text);
        }
        return name.get(ValueLayout.JAVA_BYTE, 0); // expect: [use-after-free] "which was closed on every path to here"
    }
}
