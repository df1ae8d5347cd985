package corpus.ffmthread;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

class ConfinedOnThreadsAndStreams {
    void threads(Arena shared) throws InterruptedException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment flag = arena.allocate(ValueLayout.JAVA_INT);
            Thread worker = new Thread(() -> flag.set(ValueLayout.JAVA_INT, 0, 1)); // expect: [wrong-thread] "new Thread(...) runs on another thread"
            worker.start();
            worker.join();
            Thread.ofVirtual().start(() -> System.out.println(flag.byteSize())); // expect: [wrong-thread] "Builder.start"
            Thread.ofPlatform().unstarted(() -> arena.allocate(8)); // expect: [wrong-thread] "the confined arena"
            new Thread() {
                @Override
                public void run() {
                    flag.fill((byte) 0); // expect: [wrong-thread] "an anonymous class that new Thread(...)"
                }
            }.start();
        }
    }

    CompletableFuture<Integer> async() {
        Arena arena = Arena.ofConfined(); // expect: [owned-not-freed]
        MemorySegment value = arena.allocateFrom(ValueLayout.JAVA_INT, 7);
        CompletableFuture<Integer> result = CompletableFuture.supplyAsync(() -> value.get(ValueLayout.JAVA_INT, 0)); // expect: [wrong-thread] "CompletableFuture.supplyAsync"
        return result.thenApplyAsync(v -> v + (int) value.byteSize()); // expect: [wrong-thread] "CompletableFuture.thenApplyAsync"
    }

    long parallel(List<Integer> indexes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment table = arena.allocate(ValueLayout.JAVA_LONG, 100);
            long a = indexes.parallelStream().mapToLong(i -> table.getAtIndex(ValueLayout.JAVA_LONG, i)).sum(); // expect: [wrong-thread] "a parallel stream's mapToLong"
            long b = IntStream.range(0, 100).parallel().filter(i -> i % 2 == 0)
                    .mapToLong(i -> table.getAtIndex(ValueLayout.JAVA_LONG, i)).sum(); // expect: [wrong-thread] "a parallel stream's mapToLong"
            MemorySegment view = table.reinterpret(16);
            IntStream.range(0, 2).parallel().mapToObj(view::asSlice).count(); // expect: [wrong-thread] "`view`, a segment of the confined arena"
            return a + b;
        }
    }
}
