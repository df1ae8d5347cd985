package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;

/**
 * A call that a message about a value names: one of the class's own methods that released the value
 * because its body does (no annotation says so), a method whose body the checker does not read that
 * the value was lent to, or code an arena was handed to that the checker cannot see into.
 *
 * @param call the call or {@code new}
 * @param kind what the call did to the value
 */
public record HelperRelease(Tree call, Kind kind) {
    /** What a call did to a value it was given. */
    public enum Kind {
        /** Its body releases the value on every path. */
        EVERY_PATH,
        /** Its body releases the value on some of its paths only. */
        SOME_PATHS,
        /** It was lent the value, and its body is not read (overridable, or in another class): only its annotations count. */
        UNREAD,
        /**
         * An arena was lent to a method or constructor whose body is not read. No annotation can say that
         * such code takes an arena over, so the message says how to suppress the finding.
         */
        UNSEEN_ARENA,
        /**
         * A lambda, method reference or anonymous class closes the arena or allocator, but the checker does not follow
         * when, or whether, that code runs; the message says how to suppress the finding.
         */
        CLOSED_BY_CODE,
        /**
         * A lambda or anonymous class frees the value ({@code () -> allocator.free(s)}), but the checker does
         * not follow when, or whether, that code runs; the message says how to suppress the finding.
         */
        FREED_BY_CODE,
        /** An arena was moved into a record of which no method closes it: the record only borrows it. */
        RECORD_KEEPS;

        /**
         * Whether the call released the value, rather than only being given it.
         *
         * @return true when its body releases the value on every path or on some
         */
        public boolean released() {
            return this == EVERY_PATH || this == SOME_PATHS;
        }

        /**
         * Whether code handed on as a value (a lambda, method reference or anonymous class) releases it.
         *
         * @return true for code that closes or frees the value
         */
        public boolean byCode() {
            return this == CLOSED_BY_CODE || this == FREED_BY_CODE;
        }
    }
}
