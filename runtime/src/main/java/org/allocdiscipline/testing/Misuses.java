package org.allocdiscipline.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Turns the misuses a {@link TestingAllocator} caught into a test failure, also those whose
 * exception the code under test swallowed or that try-with-resources suppressed under another one.
 */
final class Misuses {
    private static final int MAX_DEPTH = 100;

    private Misuses() {
    }

    /**
     * A failure naming every misuse of {@code allocator}, or null when there was none.
     *
     * @param allocator the allocator of the run
     * @param thrown what the code under test threw, or null: the message says where the misuse's
     *        exception ended up
     * @param run how the message begins, naming the run
     */
    static AssertionError all(TestingAllocator allocator, Throwable thrown, String run) {
        return failure(allocator.misuses(), thrown, run);
    }

    /**
     * A failure naming the misuses of {@code allocator} that {@code failure} does not already carry
     * (as itself, a cause or a suppressed exception of its cause chain), or null when there is none:
     * a test that already fails shows those.
     *
     * @param allocator the allocator of the test
     * @param failure what the test fails with, or null
     * @param run how the message begins, naming the run
     */
    static AssertionError unseen(TestingAllocator allocator, Throwable failure, String run) {
        Set<Throwable> carried = reachable(failure);
        List<RuntimeException> unseen = new ArrayList<>();
        for (RuntimeException misuse : allocator.misuses()) {
            if (!carried.contains(misuse)) {
                unseen.add(misuse);
            }
        }
        return failure(unseen, failure, run);
    }

    private static AssertionError failure(List<RuntimeException> misuses, Throwable thrown, String run) {
        if (misuses.isEmpty()) {
            return null;
        }
        RuntimeException first = misuses.get(0);
        AssertionError error = new AssertionError(run + "the TestingAllocator caught a misuse, which "
                + fate(first, thrown) + ": " + first.getMessage()
                + (misuses.size() > 1 ? " (and " + (misuses.size() - 1) + " more, suppressed below)" : ""), first);
        for (RuntimeException other : misuses.subList(1, misuses.size())) {
            error.addSuppressed(other);
        }
        return error;
    }

    /** Where the misuse's exception went, as the reader of the failure needs to know it. */
    private static String fate(RuntimeException misuse, Throwable thrown) {
        if (thrown == misuse) {
            return "the code under test threw";
        }
        if (reachable(thrown).contains(misuse)) {
            return "travelled only as a cause or suppressed exception of " + thrown;
        }
        return "the code under test swallowed";
    }

    private static Set<Throwable> reachable(Throwable from) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(from, seen, 0);
        return seen;
    }

    private static void collect(Throwable t, Set<Throwable> seen, int depth) {
        if (t == null || depth > MAX_DEPTH || !seen.add(t)) {
            return;
        }
        collect(t.getCause(), seen, depth + 1);
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, seen, depth + 1);
        }
    }
}
