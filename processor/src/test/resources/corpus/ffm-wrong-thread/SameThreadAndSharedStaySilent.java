package corpus.ffmthread;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;

/** Callbacks on the same thread, shared arenas, and values copied out before the hand-over: nothing to report. */
class SameThreadAndSharedStaySilent {
    void sameThread(List<Integer> indexes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment table = arena.allocate(ValueLayout.JAVA_LONG, 100);
            indexes.forEach(i -> table.setAtIndex(ValueLayout.JAVA_LONG, i, i));
            long sum = indexes.stream().mapToLong(i -> table.getAtIndex(ValueLayout.JAVA_LONG, i)).sum();
            long even = IntStream.range(0, 100).parallel().sequential()
                    .mapToLong(i -> table.getAtIndex(ValueLayout.JAVA_LONG, i)).sum();
            Runnable later = () -> table.fill((byte) 0);
            later.run();
            System.out.println(sum + even);
        }
    }

    long shared(ExecutorService pool) throws InterruptedException, ExecutionException {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment values = arena.allocate(ValueLayout.JAVA_LONG, 4);
            return pool.submit(() -> values.getAtIndex(ValueLayout.JAVA_LONG, 0)).get();
        }
    }

    long copiedOut(ExecutorService pool) throws InterruptedException, ExecutionException {
        long[] copy;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocate(ValueLayout.JAVA_LONG, 4);
            copy = values.toArray(ValueLayout.JAVA_LONG);
        }
        long[] data = copy;
        return pool.submit(() -> data[0]).get();
    }

    void parameterArena(Arena arena, ExecutorService pool) {
        // The caller's arena may be shared: its kind is not known here.
        MemorySegment s = arena.allocate(8);
        pool.execute(() -> s.fill((byte) 1));
    }
}
