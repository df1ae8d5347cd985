package corpus.ffmescapes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Segments that outlive the arena this code closes: whoever reads them later reads freed memory. */
class SegmentsEscapingPastTheClose {
    static MemorySegment lastName;
    MemorySegment cache;
    final MemorySegment[] slots = new MemorySegment[4];
    Runnable pending;

    MemorySegment returnedFromTryWithResources(String text) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocateFrom(text);
            return s; // expect: [use-after-free] "`s` is returned, but it escapes past the close of its arena: the value from `arena.allocateFrom(...)` (line 20) belongs to `Arena.ofConfined(...)` (line 19), which the try-with-resources closes at the end of its block (line 22) on every path after this"
        }
    }

    MemorySegment allocationReturnedAtOnce() {
        try (Arena arena = Arena.ofShared()) {
            return arena.allocate(16); // expect: [use-after-free] "`arena.allocate(...)` is returned, but it escapes past the close of its arena: it belongs to `Arena.ofShared(...)`"
        }
    }

    MemorySegment viewReturned() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment whole = arena.allocate(64);
            return whole.asSlice(8, 16).asReadOnly(); // expect: [use-after-free] "is returned, but it escapes past the close of its arena: the value from `arena.allocate(...)`"
        }
    }

    MemorySegment attachedAndReturned(MemorySegment pointer) {
        try (Arena arena = Arena.ofConfined()) {
            return pointer.reinterpret(8, arena, null); // expect: [use-after-free] "escapes past the close of its arena"
        }
    }

    void storedIntoFieldThenClosed() {
        Arena arena = Arena.ofConfined();
        MemorySegment s = arena.allocate(ValueLayout.JAVA_INT, 8);
        cache = s; // expect: [use-after-free] "`s` is stored into `cache`, but it escapes past the close of its arena: the value from `arena.allocate(...)` (line 46) belongs to `Arena.ofConfined(...)` (line 45), which `arena.close(...)` closes (line 48) on every path after this"
        arena.close();
    }

    void storedIntoStaticField(String name) {
        try (Arena arena = Arena.ofConfined()) {
            lastName = arena.allocateFrom(name); // expect: [use-after-free] "is stored into `lastName`"
        }
    }

    void storedIntoAnotherObject(SegmentsEscapingPastTheClose other) {
        try (Arena arena = Arena.ofConfined()) {
            other.cache = arena.allocate(8); // expect: [use-after-free] "is stored into `other.cache`"
        }
    }

    void storedIntoFieldArray() {
        try (Arena arena = Arena.ofConfined()) {
            slots[0] = arena.allocate(8); // expect: [use-after-free] "is stored into `slots[0]`"
        }
    }

    void storedIntoCallersArray(MemorySegment[] out) {
        try (Arena arena = Arena.ofConfined()) {
            out[0] = arena.allocate(8); // expect: [use-after-free] "is stored into `out[0]`"
        }
    }

    void storedOnOnePathClosedOnAll(boolean remember) {
        Arena arena = Arena.ofConfined();
        MemorySegment s = arena.allocate(8);
        if (remember) {
            cache = s; // expect: [use-after-free] "which `arena.close(...)` closes (line 81)"
        }
        arena.close();
    }

    Supplier<Byte> lambdaReturned() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(8);
            return () -> s.get(ValueLayout.JAVA_BYTE, 0); // expect: [use-after-free] "`s` is captured by a lambda that is returned, but it escapes past the close of its arena"
        }
    }

    LongSupplier methodReferenceReturned() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(8);
            return s::byteSize; // expect: [use-after-free] "`s` is captured by a method reference that is returned"
        }
    }

    void lambdaStoredIntoField() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            pending = () -> s.fill((byte) 0); // expect: [use-after-free] "`s` is captured by a lambda that is stored into `pending`"
            s.fill((byte) 1);
        }
    }

    void anonymousClassStoredIntoField() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            pending = new Runnable() {
                @Override
                public void run() {
                    s.fill((byte) 0); // expect: [use-after-free] "`s` is captured by an anonymous class that is stored into `pending`"
                }
            };
        }
    }

    void submittedAndLeftRunning(ExecutorService pool) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(ValueLayout.JAVA_LONG, 4);
            pool.submit(() -> s.fill((byte) 0)); // expect: [use-after-free] "`s` is captured by a lambda that ExecutorService.submit runs on another thread, and nothing here waits for it"
        }
    }

    void executed(ExecutorService pool) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            pool.execute(() -> s.fill((byte) 0)); // expect: [use-after-free] "Executor.execute runs on another thread"
        }
    }

    void threadStartedAndLeft() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            new Thread(() -> s.fill((byte) 0)).start(); // expect: [use-after-free] "new Thread(...) runs on another thread"
        }
    }

    void asyncStage() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = arena.allocate(8);
            CompletableFuture.runAsync(() -> s.fill((byte) 0)); // expect: [use-after-free] "CompletableFuture.runAsync runs on another thread"
        }
    }
}
