package org.allocdiscipline.testing;

import java.util.List;
import java.util.Objects;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.Owned;

/**
 * Exercises every allocation failure of a piece of code (Zig's
 * {@code std.testing.checkAllAllocationFailures}).
 *
 * <p>{@link #checkAll} runs the code once to count its allocations, then once more per
 * allocation, with that allocation (and every later one) failing through a
 * {@link FailingAllocator}. Each run allocates through a fresh {@link TestingAllocator} on the
 * backing allocator. A correct piece of code lets the {@link AllocationException} (or an exception
 * caused by it) escape, and frees what it had allocated before.
 */
public final class AllocationFailures {

    /**
     * Code under test: it must allocate only through the allocator it is given.
     */
    @FunctionalInterface
    public interface AllocatingCode {
        /**
         * Runs the code.
         *
         * @param allocator the allocator to allocate through
         * @throws Exception whatever the code throws; when an allocation failed, the
         *         {@link AllocationException} itself or an exception caused by it
         */
        void run(Allocator allocator) throws Exception;
    }

    private AllocationFailures() {
    }

    /**
     * Runs {@code code} once per allocation it makes, with that allocation failing, and checks
     * that it handles each failure.
     *
     * @param backing where the memory comes from in every run
     * @param code the code under test; it must be deterministic: make the same allocations when
     *        they succeed
     * @throws AssertionError if the run without failures throws, leaks or misuses its
     *         allocator (even when the misuse's exception was swallowed), or if a run with an
     *         induced failure
     *         <ul>
     *           <li>leaks (the message lists each leak with where it was allocated),</li>
     *           <li>completes normally although an allocation failed: the failure was swallowed,</li>
     *           <li>misused its allocator (a double free, foreign free, free of a slice): also when
     *               the code swallowed that exception or try-with-resources suppressed it,</li>
     *           <li>never reaches the failing allocation: the number of allocations differs
     *               between runs,</li>
     *           <li>or throws an exception not caused by the induced failure.</li>
     *         </ul>
     *         The message shows the stack trace of the induced failure, which is also the cause.
     */
    public static void checkAll(Allocator backing, AllocatingCode code) {
        Objects.requireNonNull(backing, "backing");
        Objects.requireNonNull(code, "code");
        long count = countingRun(backing, code);
        for (long index = 0; index < count; index++) {
            failingRun(backing, code, index, count);
        }
    }

    private static long countingRun(Allocator backing, AllocatingCode code) {
        TestingAllocator testing = new TestingAllocator(backing);
        FailingAllocator counter = new FailingAllocator(testing, Long.MAX_VALUE);
        try {
            code.run(counter);
        } catch (Exception | AssertionError e) {
            closeQuietly(testing);
            throw new AssertionError("checkAll: the run without induced failures threw " + e, e);
        }
        List<Leak> leaks = testing.leaks();
        closeQuietly(testing);
        AssertionError misuse = Misuses.all(testing, null, "checkAll: in the run without induced failures, ");
        if (misuse != null) {
            throw misuse;
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError("checkAll: the run without induced failures leaked "
                    + TestingAllocator.describe(leaks));
        }
        return counter.allocations();
    }

    private static void failingRun(Allocator backing, AllocatingCode code, long index, long count) {
        TestingAllocator testing = new TestingAllocator(backing);
        FailingAllocator failing = new FailingAllocator(testing, index);
        Throwable thrown = null;
        try {
            code.run(failing);
        } catch (Exception | AssertionError e) {
            thrown = e;
        }
        List<Leak> leaks = testing.leaks();
        closeQuietly(testing);
        AllocationException induced = failing.inducedFailure();
        String run = "checkAll: in the run where allocation #" + index + " (0-based) of " + count + " failed, ";
        if (induced == null) {
            AssertionError error = new AssertionError(run + "that allocation was never reached: the code made only "
                    + failing.allocations() + " allocations although the run without failures made " + count
                    + ". The number of allocations must not differ between runs"
                    + (thrown == null ? "." : "; the run threw " + thrown), thrown);
            throw error;
        }
        String failure = "\nThe induced failure: " + induced + Traces.format(Traces.trim(induced));
        // A misuse fails the run even when it travels as a suppressed exception of the induced failure.
        AssertionError misuse = Misuses.all(testing, thrown, run);
        if (misuse != null) {
            misuse.addSuppressed(induced);
            throw misuse;
        }
        if (thrown == null) {
            throw new AssertionError(run + "the code completed normally: the AllocationException was swallowed"
                    + " instead of being passed on to the caller." + failure, induced);
        }
        if (!causedBy(thrown, induced)) {
            AssertionError error = new AssertionError(run + "the code threw " + thrown
                    + ", which is not caused by the induced AllocationException." + failure, thrown);
            error.addSuppressed(induced);
            throw error;
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(run + "the code leaked " + TestingAllocator.describe(leaks) + failure, induced);
        }
    }

    private static boolean causedBy(Throwable thrown, Throwable induced) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth++ < 100; t = t.getCause()) {
            if (t == induced) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed == induced) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void closeQuietly(@Owned TestingAllocator testing) {
        try {
            testing.close();
        } catch (AssertionError leaksAlreadyReported) {
            // The caller reports the leaks it took from leaks() before closing, with more context.
        }
    }
}
