package org.allocdiscipline.processor.flow;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.type.TypeMirror;
import org.allocdiscipline.processor.flow.JumpScope.Breakable;
import org.allocdiscipline.processor.flow.JumpScope.Catching;
import org.allocdiscipline.processor.flow.JumpScope.Dangling;
import org.allocdiscipline.processor.flow.JumpScope.Finally;
import org.allocdiscipline.processor.flow.JumpScope.Jump;
import org.allocdiscipline.processor.flow.JumpScope.JumpKind;
import org.allocdiscipline.processor.flow.JumpScope.Pending;
import org.allocdiscipline.processor.flow.JumpScope.Yieldable;

/**
 * Routes jumps (break, continue, yield, return, exceptions) through the statements they leave: each
 * ends at its target, the exits of the body, or a catch clause, and a finally block on the way holds
 * it until the block is built.
 */
final class JumpRouting {
    private final Map<Tree, CfgNode> normalExits = new IdentityHashMap<>();
    private final Map<Tree, List<CfgNode>> exceptionalExits = new IdentityHashMap<>();
    private final CfgConstruction graph;

    JumpRouting(CfgConstruction graph) {
        this.graph = graph;
    }

    void jump(TreePath path, JumpKind kind, JumpScope target, TreePath statement, TreePath value) {
        CfgNode node = graph.add(NodeKind.JUMP, path).value(value);
        if (target != null) {
            node.jumpTarget(new JumpTarget(statement, finallyBefore(target)));
            dispatch(CfgConstruction.single(node, EdgeKind.NORMAL), new Jump(kind, target, null, path, null));
        }
        graph.frontier = new ArrayList<>();
    }

    /** Whether a finally block or a resource's close lies between the innermost scope and {@code target}. */
    private boolean finallyBefore(JumpScope target) {
        for (int i = graph.scopes.size() - 1; i >= 0 && graph.scopes.get(i) != target; i--) {
            if (graph.scopes.get(i) instanceof Finally) {
                return true;
            }
        }
        return false;
    }

    Breakable breakTarget(String label) {
        for (int i = graph.scopes.size() - 1; i >= 0; i--) {
            if (graph.scopes.get(i) instanceof Breakable b
                    && (label == null ? b.unlabeledBreakTarget : !b.loop && b.labels.contains(label))) {
                return b;
            }
        }
        return null;
    }

    Breakable continueTarget(String label) {
        for (int i = graph.scopes.size() - 1; i >= 0; i--) {
            if (graph.scopes.get(i) instanceof Breakable b && b.loop && (label == null || b.labels.contains(label))) {
                return b;
            }
        }
        return null;
    }

    <S extends JumpScope> S innermost(Class<S> type) {
        for (int i = graph.scopes.size() - 1; i >= 0; i--) {
            if (type.isInstance(graph.scopes.get(i))) {
                return type.cast(graph.scopes.get(i));
            }
        }
        return null;
    }

    void raise(CfgNode node, TypeMirror exception, TreePath cause) {
        dispatch(CfgConstruction.single(node, EdgeKind.EXCEPTION), new Jump(JumpKind.THROW, null, exception, cause, null));
    }

    void raise(CfgNode node, List<TypeMirror> exceptions, TreePath cause) {
        for (TypeMirror exception : exceptions) {
            raise(node, exception, cause);
        }
    }

    /** Walks the graph.scopes outwards from the innermost until the jump ends or a finally interrupts it. */
    void dispatch(List<Dangling> from, Jump jump) {
        if (from.isEmpty()) {
            return;
        }
        for (int i = graph.scopes.size() - 1; i >= 0; i--) {
            JumpScope scope = graph.scopes.get(i);
            if (scope == jump.target()) {
                deliver(from, jump, scope);
                return;
            }
            if (scope instanceof Finally finallyScope) {
                finallyScope.pending.add(new Pending(List.copyOf(from), jump));
                return;
            }
            if (jump.kind() == JumpKind.THROW && scope instanceof Catching catching && caught(from, jump, catching)) {
                return;
            }
        }
        if (jump.kind() == JumpKind.RETURN) {
            CfgConstruction.connect(from, normalExit(jump.cause(), jump.value()), null);
        } else if (jump.kind() == JumpKind.THROW) {
            CfgConstruction.connect(from, exceptionalExit(jump.cause(), jump.exception()), jump.exception());
        }
        // A break, continue or yield whose target is not on the stack only occurs in erroneous code.
    }

    private static void deliver(List<Dangling> from, Jump jump, JumpScope scope) {
        switch (jump.kind()) {
            case BREAK -> ((Breakable) scope).breaks.addAll(from);
            case CONTINUE -> ((Breakable) scope).continues.addAll(from);
            case YIELD -> ((Yieldable) scope).yields.addAll(from);
            default -> {
            }
        }
    }

    /**
     * Routes an exception to every clause that may catch it; returns whether one surely does.
     * A clause for a subtype of the graph.thrown type may catch it, so the search goes on after it.
     */
    private boolean caught(List<Dangling> from, Jump jump, Catching catching) {
        TypeMirror exception = jump.exception();
        for (Catching.Clause clause : catching.clauses) {
            for (TypeMirror accepted : clause.types()) {
                if (graph.thrown.isSubtype(exception, accepted)) {
                    CfgConstruction.connect(from, clause.node(), exception);
                    return true;
                }
                if (graph.thrown.isSubtype(accepted, exception)) {
                    CfgConstruction.connect(from, clause.node(), accepted);
                    break;
                }
            }
        }
        return false;
    }

    CfgNode normalExit(TreePath cause, TreePath value) {
        return normalExits.computeIfAbsent(cause.getLeaf(), t -> graph.newNode(NodeKind.NORMAL_EXIT, cause, null).value(value));
    }

    private CfgNode exceptionalExit(TreePath cause, TypeMirror exception) {
        List<CfgNode> known = exceptionalExits.computeIfAbsent(cause.getLeaf(), t -> new ArrayList<>(2));
        for (CfgNode exit : known) {
            if (graph.thrown.isSameType(exit.exceptionType(), exception)) {
                return exit;
            }
        }
        CfgNode exit = graph.newNode(NodeKind.EXCEPTIONAL_EXIT, cause, exception);
        known.add(exit);
        return exit;
    }
}
