package org.allocdiscipline.processor.ownership;

/** Which kind of path lets an owned value escape its obligation; see {@link Leak#at()}. */
public enum LeakReason {
    /** A {@code return} of a method; {@code at} is the return statement. */
    RETURN,
    /** A {@code return} hands the value out of a method whose result is not {@code @Owned}. */
    RETURNED_UNOWNED,
    /** Control falls off the end of the body; {@code at} is the body. */
    END_OF_BODY,
    /** An exception leaves the body; {@code at} is the throwing call, {@code new}, {@code throw} or resource. */
    EXCEPTION,
    /** The allocation runs again (next loop iteration) or its variable is declared again; {@code at} is that tree. */
    LOOP_ITERATION,
    /** A {@code break} leaves the statement that declares the only variables holding the value; {@code at} is the break. */
    BREAK,
    /** The only variable holding the value is assigned another value; {@code at} is the assignment. */
    OVERWRITTEN,
    /** The result of the allocating call is never stored; {@code at} is the allocation. */
    DISCARDED,
    /**
     * The value, never stored in a variable, is lent to a call or operator or stored where
     * nothing owns it, and then dropped; {@code at} is that use.
     */
    DROPPED,
    /** A class with {@code @Owned} fields has no {@code close()}; {@code at} is the class. */
    NO_CLOSE_METHOD
}
