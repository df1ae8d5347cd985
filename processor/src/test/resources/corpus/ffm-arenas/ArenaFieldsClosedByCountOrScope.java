package corpus.ffmarenas;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Arena fields that close() closes only on some paths, and still owes nothing on the others: a
 * reference count that closes the arena with the last reference, and a test of the arena's scope,
 * which is dead exactly when the arena is closed. A close() that leaves the arena open for any other
 * reason is still reported.
 */
class ArenaFieldsClosedByCountOrScope {
    /** Closes the shared arena once every holder has closed: the count, not this call, decides. */
    static final class CountedByAtomic implements AutoCloseable {
        private final Arena arena = Arena.ofShared();
        private final AtomicInteger holders = new AtomicInteger(1);

        MemorySegment allocate(long size) {
            return arena.allocate(size);
        }

        void retain() {
            holders.incrementAndGet();
        }

        @Override
        public void close() {
            if (holders.decrementAndGet() == 0) {
                arena.close();
            }
        }
    }

    /** The same with a plain counter field, for a class used by one thread. */
    static final class CountedByField implements AutoCloseable {
        private final Arena arena = Arena.ofConfined();
        private int holders = 1;

        void retain() {
            holders++;
        }

        @Override
        public void close() {
            if (--holders == 0) {
                arena.close();
            }
        }
    }

    /** An Arena that is itself a reference: a helper takes the count down with a compare-and-set loop. */
    static final class CountedArena implements Arena {
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(CountedArena.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Arena backing = Arena.ofShared();
        private volatile int state = 1;

        private void giveBack() {
            while (true) {
                int references = state;
                if (references <= 0) {
                    throw new IllegalStateException("already closed");
                }
                if (STATE.compareAndSet(this, references, references - 1)) {
                    if (references == 1) {
                        backing.close();
                    }
                    return;
                }
            }
        }

        @Override
        public MemorySegment allocate(long byteSize, long byteAlignment) {
            return backing.allocate(byteSize, byteAlignment);
        }

        @Override
        public MemorySegment.Scope scope() {
            return backing.scope();
        }

        @Override
        public void close() {
            giveBack();
        }
    }

    /** Another thread may still be reading: close() retries until the arena's scope is dead. */
    static final class ClosedUntilDead implements AutoCloseable {
        private final Arena arena = Arena.ofShared();

        @Override
        public void close() {
            while (arena.scope().isAlive()) {
                try {
                    arena.close();
                    break;
                } catch (IllegalStateException inUse) {
                    Thread.onSpinWait();
                }
            }
        }
    }

    /** A scope that is already dead needs no close. */
    static final class ClosedIfAlive implements AutoCloseable {
        private final Arena arena = Arena.ofConfined();

        @Override
        public void close() {
            if (arena.scope().isAlive()) {
                arena.close();
            }
        }
    }

    /**
     * Backwards: closing once the scope is known to be dead closes a closed arena, which throws, and a
     * live arena is left open.
     */
    static final class ClosedOnlyWhenDead implements AutoCloseable {
        private final Arena arena = Arena.ofConfined(); // expect: [owned-not-freed] "The arena field `arena` is not freed when close() ends"

        @Override
        public void close() {
            if (!arena.scope().isAlive()) {
                arena.close(); // expect: [double-free] "`arena.close(...)` releases the arena field `arena` (line 134), which may already have been released on the way here"
            }
        }
    }

    /** A flag is no count: when it is set, close() leaves the arena open. */
    static final class ClosedUnlessKept implements AutoCloseable {
        private final Arena arena = Arena.ofShared(); // expect: [owned-not-freed] "The arena field `arena` is not freed when close() ends"
        private boolean kept;

        void keep() {
            kept = true;
        }

        @Override
        public void close() {
            if (!kept) {
                arena.close();
            }
        }
    }

    /** Counting down without ever closing still leaks the arena. */
    static final class CountedButNeverClosed implements AutoCloseable {
        private final Arena arena = Arena.ofShared(); // expect: [owned-not-freed] "The arena field `arena` is not freed when close() ends"
        private final AtomicInteger holders = new AtomicInteger(1);

        MemorySegment allocate(long size) {
            return arena.allocate(size);
        }

        @Override
        public void close() {
            holders.decrementAndGet();
        }
    }
}
