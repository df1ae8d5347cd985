package org.allocdiscipline.processor.flow;

/**
 * What a {@link CfgNode} stands for. The node's tree says which construct; the kind says what
 * happens when control passes through it, which is what analyses switch on.
 */
public enum NodeKind {
    /** The single entry of the body. Its tree is the method, lambda or initializer. */
    ENTRY,
    /** A formal parameter receives its argument. Tree: the parameter's {@code VariableTree}. */
    PARAMETER,
    /** An expression is evaluated after its operands (identifier, literal, operator, cast, ...). */
    EVAL,
    /** A method invocation, after its receiver and arguments. Tree: {@code MethodInvocationTree}. */
    INVOCATION,
    /** An instance creation, after its arguments. Tree: {@code NewClassTree}. */
    NEW_CLASS,
    /** A simple or compound assignment, after both sides. Tree: the assignment. */
    ASSIGNMENT,
    /** A local variable declaration, after its initializer if any. Tree: {@code VariableTree}. */
    VARIABLE,
    /** The variable of an enhanced {@code for} receives the next element. Tree: {@code VariableTree}. */
    LOOP_VARIABLE,
    /** A {@code return}, after its expression. Tree: {@code ReturnTree}. */
    RETURN,
    /** An explicit {@code throw} (or a failing {@code assert}), after its expression. */
    THROW,
    /** A {@code break}, {@code continue} or {@code yield} leaves its statement. */
    JUMP,
    /** The head of a loop, where every iteration starts. Tree: the loop statement. */
    LOOP_HEAD,
    /** A {@code switch} picks a case, after its selector. Tree: the switch statement or expression. */
    SWITCH,
    /** A case is entered, binding its pattern variables. Tree: {@code CaseTree}. */
    CASE,
    /** A catch clause receives an exception. Tree: {@code CatchTree}. */
    CATCH,
    /**
     * The implicit {@code close()} of a try-with-resources resource. Tree: the resource
     * ({@code VariableTree}, or the expression naming an effectively final variable).
     */
    RESOURCE_CLOSE,
    /** An {@code assert} statement, which may or may not evaluate its condition. */
    ASSERT,
    /** A {@code synchronized} statement acquires its monitor, after the lock expression. */
    MONITOR,
    /**
     * A lambda, local class or other body evaluated as one step without descending into it;
     * also the conservative node for a tree kind this builder does not know.
     */
    OPAQUE,
    /** A normal exit: a {@code return}, or falling off the end of the body. */
    NORMAL_EXIT,
    /** An exceptional exit: an exception that no catch clause of the body handles. */
    EXCEPTIONAL_EXIT
}
