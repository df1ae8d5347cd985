package corpus.ffmarenas;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ExecutorService;

/** Hand-offs that leave the arena unclosed, or that the checker cannot see into. */
class ArenaHandOffLeaks {
    static final class Input implements AutoCloseable {
        private final Arena arena;

        Input(Arena arena) {
            this.arena = arena;
        }

        @Override
        public void close() {
            arena.close();
        }
    }

    static void check(MemorySegment segment) throws IOException {
        if (segment.byteSize() == 0) {
            throw new IOException("empty");
        }
    }

    // The constructor takes the arena, but only once it is reached: the check before it may throw.
    Input openWithoutSuccessFlag(long size) throws IOException {
        Arena arena = Arena.ofShared(); // expect: [owned-not-freed] "IOException is thrown by `check(...)`"
        check(arena.allocate(size));
        return new Input(arena);
    }

    static final class CheckedInput implements AutoCloseable {
        private final Arena arena;

        CheckedInput(Arena arena, long size) throws IOException {
            this.arena = arena;
            if (size <= 0) {
                throw new IOException("empty");
            }
        }

        @Override
        public void close() {
            arena.close();
        }
    }

    // A constructor that throws leaves no object behind: the arena is still the caller's.
    CheckedInput openChecked(long size) throws IOException {
        Arena arena = Arena.ofShared(); // expect: [owned-not-freed] "IOException is thrown by `new CheckedInput(...)`"
        return new CheckedInput(arena, size);
    }

    /** Keeps the arena in a field that nothing closes: it only borrows it, so the caller still owes the close. */
    static final class Borrower {
        private final Arena arena;

        Borrower(Arena arena) {
            this.arena = arena;
        }

        MemorySegment allocate(long size) {
            return arena.allocate(size);
        }
    }

    Borrower lend() {
        Arena arena = Arena.ofConfined(); // expect: [owned-not-freed] "`return`"
        return new Borrower(arena);
    }

    /** A record without close(): nothing closes the arena moved into it. */
    record Pair(Arena arena, MemorySegment segment) {
    }

    long pairSize(long size) {
        Arena arena = Arena.ofConfined(); // expect: [owned-not-freed] "moved into the record made by `new Pair(...)`"
        Pair pair = new Pair(arena, arena.allocate(size));
        return pair.segment().byteSize();
    }

    // Issue 15: a private factory makes its callers owners.
    private static Arena scratch() {
        return Arena.ofConfined();
    }

    long fromScratch(long size) {
        Arena arena = scratch(); // expect: [owned-not-freed] "`scratch(...)`"
        return arena.allocate(size).byteSize();
    }

    // The task closes the arena, but the checker does not follow when it runs: the message says how to suppress it.
    void handedToATask(ExecutorService pool) {
        Arena arena = Arena.ofShared(); // expect: [owned-not-freed] "the lambda on line 99 closes it, but the checker does not follow when that code runs: if it always does, suppress this finding with @SuppressWarnings("
        pool.submit(() -> {
            try {
                return arena.allocate(8).byteSize();
            } finally {
                arena.close();
            }
        });
    }

    void handedToAnOverridableMethod(Keeper keeper) {
        Arena arena = Arena.ofShared(); // expect: [owned-not-freed] "handed to `keeper.keep(...)` on line 110, whose body the checker does not read: if that closes the arena, suppress this finding with @SuppressWarnings("
        keeper.keep(arena);
    }

    static class Keeper {
        void keep(Arena arena) {
        }
    }
}
