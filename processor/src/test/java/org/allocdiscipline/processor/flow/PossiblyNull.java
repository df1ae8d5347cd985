package org.allocdiscipline.processor.flow;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.util.Set;
import java.util.TreeSet;

/** A tiny analysis for testing the solver: which local variables may hold null. */
final class PossiblyNull implements ForwardAnalysis<Set<String>> {
    int transfers;

    @Override
    public Set<String> entryState(Cfg cfg) {
        return Set.of();
    }

    @Override
    public Set<String> join(Set<String> a, Set<String> b) {
        TreeSet<String> union = new TreeSet<>(a);
        union.addAll(b);
        return Set.copyOf(union);
    }

    @Override
    public Set<String> transfer(CfgNode node, Set<String> before) {
        transfers++;
        if (node.kind() == NodeKind.VARIABLE && node.tree() instanceof VariableTree variable) {
            return assign(before, variable.getName().toString(), variable.getInitializer());
        }
        if (node.kind() == NodeKind.ASSIGNMENT && node.tree() instanceof AssignmentTree assignment
                && assignment.getVariable() instanceof IdentifierTree target) {
            return assign(before, target.getName().toString(), assignment.getExpression());
        }
        return before;
    }

    @Override
    public Set<String> propagate(CfgEdge edge, Set<String> before, Set<String> after) {
        Set<String> state = ForwardAnalysis.super.propagate(edge, before, after);
        if (edge.kind() != EdgeKind.TRUE && edge.kind() != EdgeKind.FALSE
                || !(edge.source().tree() instanceof BinaryTree test)) {
            return state;
        }
        String checked = comparedWithNull(test);
        boolean nonNullBranch = test.getKind() == Tree.Kind.NOT_EQUAL_TO
                ? edge.kind() == EdgeKind.TRUE : test.getKind() == Tree.Kind.EQUAL_TO && edge.kind() == EdgeKind.FALSE;
        if (checked == null || !nonNullBranch) {
            return state;
        }
        TreeSet<String> narrowed = new TreeSet<>(state);
        narrowed.remove(checked);
        return Set.copyOf(narrowed);
    }

    private static String comparedWithNull(BinaryTree test) {
        if (test.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL
                && test.getLeftOperand() instanceof IdentifierTree name) {
            return name.getName().toString();
        }
        return null;
    }

    private static Set<String> assign(Set<String> before, String name, ExpressionTree value) {
        while (value instanceof ParenthesizedTree parens) {
            value = parens.getExpression();
        }
        boolean mayBeNull = value == null || value.getKind() == Tree.Kind.NULL_LITERAL
                || value instanceof IdentifierTree other && before.contains(other.getName().toString());
        TreeSet<String> next = new TreeSet<>(before);
        if (mayBeNull) {
            next.add(name);
        } else {
            next.remove(name);
        }
        return Set.copyOf(next);
    }
}
