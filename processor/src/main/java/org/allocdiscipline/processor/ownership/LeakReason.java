package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;

/**
 * Which kind of path lets an owned value escape its obligation (see {@link Leak#at()}), how a message
 * says so, and how such a leak is usually fixed. The constants are declared from the most specific to
 * the least: of several leaks of one value, the one declared first is reported (an overwrite says more
 * than "an exception may leave").
 */
public enum LeakReason {
    /** The result of the allocating call is never stored; {@code at} is the allocation. */
    DISCARDED(LeakReason.STORE),
    /**
     * The value, never stored in a variable, is lent to a call or operator or stored where
     * nothing owns it, and then dropped; {@code at} is that use.
     */
    DROPPED(LeakReason.STORE),
    /** The only variable holding the value is assigned another value; {@code at} is the assignment. */
    OVERWRITTEN(LeakReason.REPLACED),
    /** The allocation runs again (next loop iteration) or its variable is declared again; {@code at} is that tree. */
    LOOP_ITERATION(LeakReason.REPLACED),
    /** A {@code break} leaves the statement that declares the only variables holding the value; {@code at} is the break. */
    BREAK(LeakReason.LEAVING),
    /** A {@code return} hands the value out of a method whose result is not {@code @Owned}. */
    RETURNED_UNOWNED("Annotate the method's result @Owned, or free the value before returning."),
    /** A {@code return} of a method; {@code at} is the return statement. */
    RETURN(LeakReason.LEAVING),
    /** Control falls off the end of the body; {@code at} is the body. */
    END_OF_BODY(LeakReason.LEAVING),
    /** An exception leaves the body; {@code at} is the throwing call, {@code new}, {@code throw} or resource. */
    EXCEPTION("Free it in a finally block or a catch clause, or use try-with-resources."),
    /** A class with {@code @Owned} fields has no {@code close()}; {@code at} is the class. */
    NO_CLOSE_METHOD("Add a close() method (and implement AutoCloseable) that frees ");

    private static final String STORE = "Store the result in a variable and free it when done.";
    private static final String REPLACED = "Free the old value before it is replaced.";
    private static final String LEAVING =
            "Free it before leaving (a finally block or try-with-resources covers every path), or hand it on.";
    private static final String FIELD =
            "Release it in close() on every path (in a finally block if other releases can throw).";

    private final String hint;

    LeakReason(String hint) {
        this.hint = hint;
    }

    /**
     * The path that leaks, as the clause that follows the value's name in a message: "is not freed on
     * the path through the `return` on line 12".
     *
     * @param leak the leak, of this reason
     * @param words how trees are named
     * @param body the body that leaks, as a message names it ("the method", "the lambda", ...)
     * @param field whether the value is an {@code @Owned} field that {@code close()} leaks
     * @return the clause, without a final period
     */
    public String clause(Leak leak, OwnershipWording words, String body, boolean field) {
        Tree at = leak.at();
        return switch (this) {
            case DISCARDED -> "is discarded: the result is never stored";
            case DROPPED -> at instanceof AssignmentTree assignment
                    ? "is stored into " + words.name(assignment.getVariable()) + " on line " + words.line(at)
                            + ", which is not an @Owned field, so nobody owns it"
                    : "is never stored: it is lent to " + words.name(at) + " on line " + words.line(at)
                            + " and then dropped";
            case OVERWRITTEN -> "is lost when its variable is overwritten on line " + words.line(at);
            case LOOP_ITERATION -> "is not freed at the end of the loop iteration (line " + words.line(at)
                    + " runs again and the earlier value is lost)";
            case BREAK -> "is not freed on the path through the `break` on line " + words.line(at);
            case RETURNED_UNOWNED -> "is returned on line " + words.line(at) + " by a method whose result is not"
                    + " @Owned, so nobody owns it any more";
            case RETURN -> "is not freed on the path through the `return` on line " + words.line(at)
                    + (field ? " of close()" : "");
            case END_OF_BODY -> "is not freed when " + (field ? "close()" : body) + " ends (line "
                    + words.endLine(at) + ")";
            case EXCEPTION -> at instanceof ThrowTree
                    ? "is not freed when the `throw` on line " + words.line(at) + " throws "
                            + OwnershipWording.simpleName(leak.exception())
                    : "is not freed when " + OwnershipWording.simpleName(leak.exception()) + " is thrown by "
                            + words.name(at) + " on line " + words.line(at);
            case NO_CLOSE_METHOD -> "is never released: the class has no close() method";
        };
    }

    /**
     * How such a leak is usually fixed.
     *
     * @param leak the leak, of this reason
     * @param field whether the value is an {@code @Owned} field that {@code close()} leaks
     * @return one sentence
     */
    public String hint(Leak leak, boolean field) {
        if (this == NO_CLOSE_METHOD) {
            return hint + ((VariableTree) leak.site().getLeaf()).getName() + ".";
        }
        return field ? FIELD : hint;
    }

    /**
     * Whether a leak of this reason says more than one of the other, and is reported instead.
     *
     * @param other the reason of another leak of the same value
     * @return true if this one is declared before the other
     */
    public boolean outranks(LeakReason other) {
        return compareTo(other) < 0;
    }
}
