package corpus.ffmescapes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * Segments that outlive their arena by a longer way: stored after the close, captured by code held in a
 * local first, or run by a task whose future or thread leaves while the arena is still open.
 */
class EscapesThroughLocalsAndFutures {
    MemorySegment cache;
    final MemorySegment[] slots = new MemorySegment[2];
    Runnable pending;
    Future<?> running;
    Thread worker;

    void storedAfterTheClose() {
        MemorySegment s;
        try (Arena arena = Arena.ofConfined()) {
            s = arena.allocate(8);
        }
        this.cache = s; // expect: [use-after-free] "`s` is stored into `this.cache`, but its value from `arena.allocate(...)` (line 24) belongs to the region `Arena.ofConfined(...)` (line 23), which was closed on every path to here"
    }

    void storedIntoAnArrayAfterTheClose() {
        Arena arena = Arena.ofShared();
        MemorySegment s = arena.allocate(8);
        arena.close();
        slots[1] = s; // expect: [use-after-free] "`s` is stored into `slots[1]`, but its value"
    }

    LongSupplier lambdaHeldInALocalReturned() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(8);
            LongSupplier size = () -> s.byteSize(); // expect: [use-after-free] "`s` is captured by a lambda, held in `size`, that is returned, but it escapes past the close of its arena"
            return size;
        }
    }

    void lambdaHeldInALocalStored() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            Runnable clear = () -> s.fill((byte) 0); // expect: [use-after-free] "held in `clear`, that is stored into `pending`"
            pending = clear;
        }
    }

    void lambdaHeldInALocalSubmitted(ExecutorService pool) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            Runnable clear = () -> s.fill((byte) 0); // expect: [use-after-free] "held in `clear`, that ExecutorService.submit runs on another thread, and nothing here waits for it"
            pool.submit(clear);
        }
    }

    // wrong-thread follows only code handed over where it is written: this escape is the finding here.
    void confinedSegmentInCodeHeldInALocal(ExecutorService pool) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(8);
            Runnable clear = () -> s.fill((byte) 0); // expect: [use-after-free] "held in `clear`, that Executor.execute runs on another thread"
            pool.execute(clear);
        }
    }

    void anonymousClassHeldInALocalGivenToAThread() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            Runnable clear = new Runnable() {
                @Override
                public void run() {
                    s.fill((byte) 0); // expect: [use-after-free] "`s` is captured by an anonymous class, held in `clear`, that new Thread(...) runs on another thread"
                }
            };
            new Thread(clear).start();
        }
    }

    Future<?> futureReturned(ExecutorService pool) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            return pool.submit(() -> s.fill((byte) 0)); // expect: [use-after-free] "`s` is captured by a lambda that ExecutorService.submit runs on another thread, and its Future is returned without waiting for it"
        }
    }

    void futureStoredIntoAField(ExecutorService pool) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            running = pool.submit(() -> s.fill((byte) 0)); // expect: [use-after-free] "and its Future is stored into `running` without waiting for it"
        }
    }

    CompletableFuture<Void> asyncStageReturned() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            Runnable clear = () -> s.fill((byte) 0); // expect: [use-after-free] "held in `clear`, that CompletableFuture.runAsync runs on another thread, and its CompletableFuture is returned"
            return CompletableFuture.runAsync(clear);
        }
    }

    Thread unstartedThreadReturned() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            return new Thread(() -> s.fill((byte) 0)); // expect: [use-after-free] "new Thread(...) runs on another thread, and its Thread is returned without waiting for it"
        }
    }

    void threadStoredIntoAField() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            Runnable clear = () -> s.fill((byte) 0); // expect: [use-after-free] "new Thread(...) runs on another thread, and its Thread is stored into `worker`"
            worker = new Thread(clear);
            worker.start();
        }
    }
}
