package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import org.allocdiscipline.processor.flow.Cfg;
import org.allocdiscipline.processor.flow.CfgNode;

/**
 * The locals of one body that may come to hold an owned value in some solve, found from the trees alone:
 * the parameters and pattern bindings, the collections and arrays that values may be stored into, and
 * every local given a value that may hold one (a call, a {@code new}, a field, a switch expression, or
 * another such local), followed to a fixpoint. Any other local holds no owned value in any state, so
 * reading it checks nothing. It over-approximates {@link ExpressionValues#valueOf}: an expression it
 * says holds nothing never has a site there.
 */
final class HoldingLocals {
    private final Trees trees;
    private final Set<Element> holding = new HashSet<>();

    private HoldingLocals(Trees trees) {
        this.trees = trees;
    }

    /** The locals of a graph that may hold an owned value. */
    static HoldingLocals of(Trees trees, Cfg graph) {
        HoldingLocals locals = new HoldingLocals(trees);
        List<Assigned> assigned = new ArrayList<>();
        for (CfgNode node : graph.nodes()) {
            locals.collect(node, assigned);
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Assigned write : assigned) {
                if (!locals.holding.contains(write.local()) && locals.mayHold(write.value())) {
                    locals.holding.add(write.local());
                    grew = true;
                }
            }
        }
        return locals;
    }

    /** Whether a local may hold an owned value: one found so, or a pattern's binding. */
    boolean holds(Element local) {
        return holding.contains(local) || local.getKind() == ElementKind.BINDING_VARIABLE;
    }

    /** A local and the expression a declaration or store gives it. */
    private record Assigned(Element local, TreePath value) {
    }

    private void collect(CfgNode node, List<Assigned> assigned) {
        switch (node.kind()) {
            case PARAMETER -> addLocal(trees.getElement(node.path()));
            case VARIABLE -> {
                Element variable = trees.getElement(node.path());
                if (variable != null && node.value() != null) {
                    assigned.add(new Assigned(variable, node.value()));
                }
            }
            case ASSIGNMENT -> {
                Element target = trees.getElement(node.target());
                if (node.tree() instanceof AssignmentTree && target != null && OwnershipTrees.isLocal(target)) {
                    assigned.add(new Assigned(target, node.value()));
                }
                // parts[i] = v stores into the array's local.
                if (OwnershipTrees.skipParens((ExpressionTree) node.target().getLeaf()) instanceof ArrayAccessTree access) {
                    addIdentifier(access.getExpression(), node.target());
                }
            }
            case INVOCATION -> {
                // list.add(v) stores into the collection's local.
                if (node.receiver() != null) {
                    addIdentifier((ExpressionTree) node.receiver().getLeaf(), node.receiver().getParentPath());
                }
            }
            default -> {
            }
        }
    }

    private void addIdentifier(ExpressionTree expression, TreePath parent) {
        if (OwnershipTrees.skipParens(expression) instanceof IdentifierTree identifier) {
            addLocal(trees.getElement(new TreePath(parent, identifier)));
        }
    }

    private void addLocal(Element element) {
        if (element != null && OwnershipTrees.isLocal(element)) {
            holding.add(element);
        }
    }

    /** Whether an expression may evaluate to an owned value, given the locals found so far. */
    boolean mayHold(TreePath path) {
        Tree tree = path.getLeaf();
        return switch (tree.getKind()) {
            case PARENTHESIZED -> mayHold(new TreePath(path, ((ParenthesizedTree) tree).getExpression()));
            case TYPE_CAST -> mayHold(new TreePath(path, ((TypeCastTree) tree).getExpression()));
            case ASSIGNMENT -> mayHold(new TreePath(path, ((AssignmentTree) tree).getExpression()));
            case CONDITIONAL_EXPRESSION -> mayHold(new TreePath(path, ((ConditionalExpressionTree) tree).getTrueExpression()))
                    || mayHold(new TreePath(path, ((ConditionalExpressionTree) tree).getFalseExpression()));
            case SWITCH_EXPRESSION, METHOD_INVOCATION, NEW_CLASS -> true;
            case IDENTIFIER, MEMBER_SELECT -> {
                Element element = trees.getElement(path);
                if (element == null || element instanceof TypeElement || element instanceof PackageElement) {
                    yield false;
                }
                // A field may be one the class owns; a local holds what it was given.
                yield !OwnershipTrees.isLocal(element) || holds(element);
            }
            default -> false;
        };
    }
}
