package org.allocdiscipline.processor.flow;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;
import org.allocdiscipline.processor.flow.JumpScope.Dangling;

/**
 * Builds conditions for their outcome: {@code &&}, {@code ||}, {@code !}, {@code ?:} and parentheses get
 * no node of their own, and each leaf condition gets {@code TRUE} and {@code FALSE} edges.
 */
final class ConditionConstruction {
    private final CfgConstruction graph;

    ConditionConstruction(CfgConstruction graph) {
        this.graph = graph;
    }

    /** Builds a condition with separate true and false successors; leaves the graph.frontier empty. */
    Branches condition(ExpressionTree tree, TreePath parent) {
        TreePath path = new TreePath(parent, tree);
        Branches result;
        switch (tree.getKind()) {
            case PARENTHESIZED -> result = condition(((ParenthesizedTree) tree).getExpression(), path);
            case LOGICAL_COMPLEMENT -> {
                Branches operand = condition(((UnaryTree) tree).getExpression(), path);
                result = new Branches(operand.whenFalse(), operand.whenTrue());
            }
            case CONDITIONAL_AND -> {
                BinaryTree binary = (BinaryTree) tree;
                Branches left = condition(binary.getLeftOperand(), path);
                graph.frontier = left.whenTrue();
                Branches right = condition(binary.getRightOperand(), path);
                result = new Branches(right.whenTrue(), CfgConstruction.union(left.whenFalse(), right.whenFalse()));
            }
            case CONDITIONAL_OR -> {
                BinaryTree binary = (BinaryTree) tree;
                Branches left = condition(binary.getLeftOperand(), path);
                graph.frontier = left.whenFalse();
                Branches right = condition(binary.getRightOperand(), path);
                result = new Branches(CfgConstruction.union(left.whenTrue(), right.whenTrue()), right.whenFalse());
            }
            case CONDITIONAL_EXPRESSION -> {
                ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
                Branches test = condition(conditional.getCondition(), path);
                graph.frontier = test.whenTrue();
                Branches yes = condition(conditional.getTrueExpression(), path);
                graph.frontier = test.whenFalse();
                Branches no = condition(conditional.getFalseExpression(), path);
                result = new Branches(CfgConstruction.union(yes.whenTrue(), no.whenTrue()), CfgConstruction.union(yes.whenFalse(), no.whenFalse()));
            }
            default -> {
                Boolean constant = constantValue(tree, path);
                graph.expression(tree, parent);
                List<Dangling> whenTrue = new ArrayList<>();
                List<Dangling> whenFalse = new ArrayList<>();
                for (Dangling end : graph.frontier) {
                    boolean branchable = end.kind() == EdgeKind.NORMAL;
                    whenTrue.add(branchable ? new Dangling(end.from(), EdgeKind.TRUE) : end);
                    whenFalse.add(branchable ? new Dangling(end.from(), EdgeKind.FALSE) : end);
                }
                result = new Branches(Boolean.FALSE.equals(constant) ? new ArrayList<>() : whenTrue,
                        Boolean.TRUE.equals(constant) ? new ArrayList<>() : whenFalse);
            }
        }
        graph.frontier = new ArrayList<>();
        return result;
    }

    /** A boolean literal or constant variable; {@code null} when the value is not a known constant. */
    private Boolean constantValue(ExpressionTree tree, TreePath path) {
        if (tree instanceof LiteralTree literal) {
            return literal.getValue() instanceof Boolean value ? value : null;
        }
        if (tree.getKind() == Tree.Kind.IDENTIFIER || tree.getKind() == Tree.Kind.MEMBER_SELECT) {
            Element element = graph.trees.getElement(path);
            if (element instanceof VariableElement variable && variable.getConstantValue() instanceof Boolean value) {
                return value;
            }
        }
        return null;
    }
}
