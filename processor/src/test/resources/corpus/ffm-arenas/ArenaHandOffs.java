package corpus.ffmarenas;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;

/** Arenas handed on to the objects that close them: nothing to report. */
class ArenaHandOffs {
    private static final Cleaner CLEANER = Cleaner.create();

    /** Keeps the arena it is given and closes it: its constructor takes the arena over. */
    static final class Input implements AutoCloseable {
        private final Arena arena;
        private final MemorySegment segment;

        Input(MemorySegment segment, Arena arena) {
            this.segment = segment;
            this.arena = arena;
        }

        long length() {
            return segment.byteSize();
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

    // Lucene's MMapDirectory: the success flag closes the arena unless the new input took it.
    Input open(long size) throws IOException {
        Arena arena = Arena.ofShared();
        boolean success = false;
        try {
            MemorySegment segment = arena.allocate(size);
            check(segment);
            Input input = new Input(segment, arena);
            success = true;
            return input;
        } finally {
            if (!success) {
                arena.close();
            }
        }
    }

    /** Keeps the arena and then checks its argument: when it throws, the caller still owns the arena. */
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

    CheckedInput openChecked(long size) throws IOException {
        Arena arena = Arena.ofShared();
        boolean success = false;
        try {
            CheckedInput input = new CheckedInput(arena, size);
            success = true;
            return input;
        } finally {
            if (!success) {
                arena.close();
            }
        }
    }

    /** A record whose close() closes its arena component takes the arena over. */
    record Mapping(Arena arena, MemorySegment segment) implements AutoCloseable {
        @Override
        public void close() {
            arena.close();
        }
    }

    Mapping map(long size) {
        Arena arena = Arena.ofConfined();
        return new Mapping(arena, arena.allocate(size));
    }

    /** A record without close() only borrows the arena: closing it after use is right. */
    record View(Arena arena, MemorySegment segment) {
    }

    long borrowedByARecord(long size) {
        try (Arena arena = Arena.ofConfined()) {
            View view = new View(arena, arena.allocate(size));
            return view.segment().byteSize();
        }
    }

    /** A record made in the return hands the arena in it to the caller, as returning the arena would. */
    private record Env(MemorySegment handle, Arena arena) {
    }

    private static Env openEnv(long size) {
        Arena arena = Arena.ofConfined();
        return new Env(arena.allocate(size), arena);
    }

    long usesEnv(long size) {
        Env env = openEnv(size);
        try {
            return env.handle().byteSize();
        } finally {
            env.arena().close();
        }
    }

    /** Closes the arena when the owner becomes unreachable. */
    static final class ArenaCloser implements Runnable {
        private final Arena arena;

        ArenaCloser(Arena arena) {
            this.arena = arena;
        }

        @Override
        public void run() {
            arena.close();
        }
    }

    record RecordCloser(Arena arena) implements Runnable {
        @Override
        public void run() {
            arena.close();
        }
    }

    void cleanerMethodReference(Object owner) {
        Arena arena = Arena.ofShared();
        CLEANER.register(owner, arena::close);
    }

    void cleanerLambda(Object owner) {
        Arena arena = Arena.ofShared();
        CLEANER.register(owner, () -> arena.close());
    }

    void cleanerAnonymousClass(Object owner) {
        Arena arena = Arena.ofShared();
        CLEANER.register(owner, new Runnable() {
            @Override
            public void run() {
                arena.close();
            }
        });
    }

    void cleanerRunnableClass(Object owner) {
        Arena arena = Arena.ofShared();
        CLEANER.register(owner, new ArenaCloser(arena));
    }

    void cleanerRunnableRecord(Object owner) {
        CLEANER.register(owner, new RecordCloser(Arena.ofShared()));
    }

    // Issue 15: a private factory makes its callers owners, who close what they get.
    private static Arena scratch() {
        return Arena.ofConfined();
    }

    long fromScratch(long size) {
        try (Arena arena = scratch()) {
            return arena.allocate(size).byteSize();
        }
    }

    // A private method that returns the arena it was given hands it back: the caller closes what it gets.
    private static Arena prepared(Arena arena) {
        arena.allocate(64);
        return arena;
    }

    long throughPassThrough(long size) {
        try (Arena arena = prepared(Arena.ofConfined())) {
            return arena.allocate(size).byteSize();
        }
    }

    // An overridable method that returns an arena keeps today's contract: its callers are not held to close it.
    public Arena newArena() {
        return Arena.ofConfined();
    }

    long fromOverridable(long size) {
        return newArena().allocate(size).byteSize();
    }

    // A hand-off the checker cannot see into, said so where the value is made.
    void handedToATask(java.util.concurrent.ExecutorService pool) {
        @SuppressWarnings("owned-not-freed")
        Arena arena = Arena.ofShared();
        pool.submit(() -> {
            try {
                return arena.allocate(8).byteSize();
            } finally {
                arena.close();
            }
        });
    }
}
