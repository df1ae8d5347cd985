package org.allocdiscipline.testing;

import java.io.Serial;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Stack traces as a test reader wants them: without the allocator's own frames on top and
 * without the test framework's frames below the test method.
 */
final class Traces {
    private static final Set<String> ALLOCATOR_CLASSES = Set.of(
            "org.allocdiscipline.Allocator",
            "org.allocdiscipline.testing.TestingAllocator",
            "org.allocdiscipline.testing.FailingAllocator",
            "org.allocdiscipline.testing.Traces");
    private static final List<String> FRAMEWORK_PREFIXES = List.of(
            "org.junit.", "net.jqwik.", "jdk.internal.reflect.", "java.lang.reflect.", "org.apache.maven.surefire.");

    private Traces() {
    }

    /** The frames of {@code captured} that belong to the program under test. */
    static StackTraceElement[] trim(Throwable captured) {
        StackTraceElement[] frames = captured.getStackTrace();
        int from = 0;
        while (from < frames.length && isAllocatorFrame(frames[from])) {
            from++;
        }
        int to = from;
        while (to < frames.length && !isFrameworkFrame(frames[to])) {
            to++;
        }
        return Arrays.copyOfRange(frames, from, to);
    }

    /** Indented "at ..." lines, one per frame. */
    static String format(StackTraceElement[] frames) {
        StringBuilder out = new StringBuilder();
        for (StackTraceElement frame : frames) {
            out.append("\n\tat ").append(frame);
        }
        return out.toString();
    }

    /** The first frame, as a short "where" for one-line messages. */
    static String where(StackTraceElement[] frames) {
        return frames.length == 0 ? "an unknown place" : frames[0].toString();
    }

    /** A throwable that only carries a trimmed trace, to chain into an exception as its cause. */
    static Throwable site(String message, Throwable captured, Throwable cause) {
        Site site = new Site(message, cause);
        site.setStackTrace(trim(captured));
        return site;
    }

    private static boolean isAllocatorFrame(StackTraceElement frame) {
        String name = frame.getClassName();
        int nested = name.indexOf('$');
        return ALLOCATOR_CLASSES.contains(nested < 0 ? name : name.substring(0, nested));
    }

    private static boolean isFrameworkFrame(StackTraceElement frame) {
        for (String prefix : FRAMEWORK_PREFIXES) {
            if (frame.getClassName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Where an allocation was made or freed; printed as "Caused by: ...AllocationSite: allocated here". */
    static final class Site extends Throwable {
        @Serial
        private static final long serialVersionUID = 1L;

        Site(String message, Throwable cause) {
            super(message, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
