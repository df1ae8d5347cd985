package corpus.ffmescapes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * The same shapes where nothing outlives the arena: stores into locals, code held in a local that runs
 * or is waited for before the close, futures of arenas this code does not close. Nothing to report.
 */
class LocalsAndFuturesThatStayInside {
    MemorySegment cache;
    Runnable pending;
    Future<?> running;
    long size;

    void storedBeforeTheCloseIntoALocal() {
        MemorySegment copy;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(8);
            copy = s;
            size = copy.byteSize();
        }
        copy = null;
        cache = copy;
    }

    void storedAfterTheCloseOfAnotherArena(Arena callers) {
        MemorySegment s = callers.allocate(8);
        try (Arena scratch = Arena.ofConfined()) {
            size = scratch.allocate(8).byteSize();
        }
        cache = s;
    }

    long lambdaHeldInALocalRunInPlace() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(8);
            LongSupplier sizeOf = () -> s.byteSize();
            return sizeOf.getAsLong();
        }
    }

    void lambdaHeldInALocalWaitedFor(ExecutorService pool) throws InterruptedException, ExecutionException {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            Runnable clear = () -> s.fill((byte) 0);
            pool.submit(clear).get();
            Thread thread = new Thread(clear);
            thread.start();
            thread.join();
        }
    }

    void localReassignedBeforeItLeaves(ExecutorService pool) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            Runnable task = () -> s.fill((byte) 0);
            task.run();
            task = () -> { };
            pool.submit(task);
        }
    }

    Runnable lambdaOfACallersArenaReturned(Arena callers) {
        MemorySegment s = callers.allocate(8);
        Runnable clear = () -> s.fill((byte) 0);
        return clear;
    }

    Future<?> futureOfACallersArenaReturned(Arena callers, ExecutorService pool) {
        MemorySegment s = callers.allocate(8);
        return pool.submit(() -> s.fill((byte) 0));
    }

    Future<Long> futureOfACopyReturned(ExecutorService pool) {
        try (Arena arena = Arena.ofConfined()) {
            long first = arena.allocate(ValueLayout.JAVA_LONG).get(ValueLayout.JAVA_LONG, 0);
            return pool.submit(() -> first + 1);
        }
    }

    void futureKeptInALocalAndWaitedFor(ExecutorService pool) throws InterruptedException, ExecutionException {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            Future<?> local = pool.submit(() -> s.fill((byte) 0));
            local.get();
        }
    }
}
