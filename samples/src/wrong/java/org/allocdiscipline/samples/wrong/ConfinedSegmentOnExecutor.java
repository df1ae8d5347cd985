package org.allocdiscipline.samples.wrong;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/** Plain FFM: a confined arena's segment read by a task on a pool thread. */
public final class ConfinedSegmentOnExecutor {
    private ConfinedSegmentOnExecutor() {
    }

    public static long sumOnPool(ExecutorService pool, long[] values) throws InterruptedException, ExecutionException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocateFrom(ValueLayout.JAVA_LONG, values);
            return pool.submit(() -> sum(segment, values.length)).get(); // expect: [wrong-thread] "`segment`, a segment of the confined arena `Arena.ofConfined(...)` (line 15), is used by a lambda that ExecutorService.submit runs on another thread"
        }
    }

    private static long sum(MemorySegment segment, int count) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += segment.getAtIndex(ValueLayout.JAVA_LONG, i);
        }
        return total;
    }
}
