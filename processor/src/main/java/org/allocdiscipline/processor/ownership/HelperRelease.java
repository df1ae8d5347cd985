package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;

/**
 * A call that a message about a value names: one of the class's own methods that released the value
 * because its body does (no annotation says so), or a method whose body the checker does not read that
 * the value was lent to.
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
        UNREAD
    }
}
