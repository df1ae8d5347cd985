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
        final List<String> labels;
        final boolean loop;
        final boolean unlabeledBreakTarget;
        final List<Dangling> breaks = new ArrayList<>();
        final List<Dangling> continues = new ArrayList<>();

        Breakable(List<String> labels, boolean loop, boolean unlabeledBreakTarget) {
            this.labels = labels;
            this.loop = loop;
            this.unlabeledBreakTarget = unlabeledBreakTarget;
        }
    }

    /** A switch expression, the target of {@code yield}. */
    static final class Yieldable extends JumpScope {
        final List<Dangling> yields = new ArrayList<>();
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
        final TreePath resource;
        final List<Pending> pending = new ArrayList<>();

        Finally(TreePath resource) {
            this.resource = resource;
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
     */
    record Jump(JumpKind kind, JumpScope target, TypeMirror exception, TreePath cause) {
    }
}
