package corpus.ffmthread;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

class ConfinedSegmentOnExecutor {
    // java-tree-sitter #44, enso #13872: a confined arena's memory read by a pool thread.
    long sum(ExecutorService pool, int n) throws InterruptedException, ExecutionException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocate(ValueLayout.JAVA_LONG, n);
            Future<Long> total = pool.submit(() -> {
                long s = 0;
                for (int i = 0; i < n; i++) {
                    s += values.getAtIndex(ValueLayout.JAVA_LONG, i); // expect: [wrong-thread] "`values`, a segment of the confined arena `Arena.ofConfined(...)` (line 16), is used by a lambda that ExecutorService.submit runs on another thread"
                }
                return s;
            });
            return total.get();
        }
    }

    void fill(Executor executor) {
        Arena arena = Arena.ofConfined(); // expect: [owned-not-freed]
        MemorySegment header = arena.allocate(16).asSlice(4, 8);
        executor.execute(() -> header.fill((byte) 0)); // expect: [wrong-thread] "`header`, a segment of the confined arena"
        executor.execute(new Runnable() {
            @Override
            public void run() {
                arena.close(); // expect: [wrong-thread] "`arena`, the confined arena `Arena.ofConfined(...)` (line 30), is used by an anonymous class that Executor.execute runs"
            }
        });
    }

}
