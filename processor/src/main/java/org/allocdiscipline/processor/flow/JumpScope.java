package org.allocdiscipline.processor.flow;

import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * A statement that a jump (break, continue, yield, return, exception) can end at or must pass
 * through, kept on the builder's stack while its body is built.
 */
abstract sealed class JumpScope {

    /** Where control goes on {@code break} (and, for loops, {@code continue}). */
    static final class Breakable extends JumpScope {
        /** The loop, switch or labeled statement. */
        final TreePath statement;
        final List<String> labels;
        final boolean loop;
        final boolean unlabeledBreakTarget;
        final List<Dangling> breaks = new ArrayList<>();
        final List<Dangling> continues = new ArrayList<>();

        Breakable(TreePath statement, List<String> labels, boolean loop, boolean unlabeledBreakTarget) {
            this.statement = statement;
            this.labels = labels;
            this.loop = loop;
            this.unlabeledBreakTarget = unlabeledBreakTarget;
        }
    }

    /** A switch expression, the target of {@code yield}. */
    static final class Yieldable extends JumpScope {
        /** The switch expression. */
        final TreePath statement;
        final List<Dangling> yields = new ArrayList<>();
        /** The values it may yield, each once, in the order they are built. */
        final List<TreePath> results = new ArrayList<>();

        Yieldable(TreePath statement) {
            this.statement = statement;
        }

        void result(TreePath value) {
            for (TreePath known : results) {
                if (known.getLeaf() == value.getLeaf()) {
                    return;
                }
            }
            results.add(value);
        }
    }

    /** The catch clauses of a try statement, in source order. */
    static final class Catching extends JumpScope {
        final List<Clause> clauses;

        Catching(List<Clause> clauses) {
            this.clauses = clauses;
        }

        record Clause(CfgNode node, List<TypeMirror> types) {
        }
    }

    /**
     * A finally block, or the implicit close of one resource: every jump out of its body waits
     * here until the block is built, then resumes from the block's end.
     */
    static final class Finally extends JumpScope {
        /** The resource whose implicit close this is, as written in the header; {@code null} for a finally block. */
        final TreePath resource;
        /** What the close closes: the resource's declaration, or the expression naming it inside any parentheses. */
        final TreePath closed;
        final List<Pending> pending = new ArrayList<>();

        Finally(TreePath resource, TreePath closed) {
            this.resource = resource;
            this.closed = closed;
        }
    }

    /** An edge whose target is not known yet. */
    record Dangling(CfgNode from, EdgeKind kind) {
    }

    /** A jump that a finally block interrupted. */
    record Pending(List<Dangling> from, Jump jump) {
    }

    /** What a jump does once it has passed every finally block on its way. */
    enum JumpKind { BREAK, CONTINUE, YIELD, RETURN, THROW }

    /**
     * A jump in flight.
     *
     * @param target    the scope that ends a break, continue or yield; {@code null} for return and throw
     * @param exception the exception type of a throw
     * @param cause     the tree that started the jump, which names the exit it reaches
     * @param value     the value a return hands out, or {@code null}
     */
    record Jump(JumpKind kind, JumpScope target, TypeMirror exception, TreePath cause, TreePath value) {
    }
}
