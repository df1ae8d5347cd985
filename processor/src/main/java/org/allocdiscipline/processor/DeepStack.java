package org.allocdiscipline.processor;

import java.util.function.Supplier;

/**
 * Runs a piece of work on a fresh thread with a deep stack while the calling thread waits, for code
 * nested deeper than the compiling thread's stack lets the checker's recursive tree walks go (javac
 * needs fewer frames per level than the walks). Only one thread works at a time, so javac's
 * structures are never used concurrently; the join orders the work's writes before the caller's reads.
 */
final class DeepStack {
    /**
     * Address space reserved for the thread's stack; the operating system commits pages only as
     * the stack grows. 256 MiB is about 250 times the default, far beyond what javac itself compiles.
     */
    static final long STACK_BYTES = 256L << 20;

    private DeepStack() {
    }

    /**
     * Runs the work on a deep-stack thread and returns its result, or rethrows what it threw.
     *
     * @param work the work
     * @param <T> its result type
     * @return the work's result
     * @throws OutOfMemoryError if the thread cannot be started (no address space for its stack)
     */
    static <T> T call(Supplier<T> work) {
        Outcome<T> outcome = new Outcome<>();
        Thread thread = new Thread(null, () -> outcome.run(work), "allocdiscipline-deep-stack", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                // The work cannot be abandoned halfway: it uses javac's structures. Wait, then pass the interrupt on.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return outcome.get();
    }

    /** What the work returned or threw. */
    private static final class Outcome<T> {
        private T result;
        private Throwable failure;

        void run(Supplier<T> work) {
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }

        T get() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
