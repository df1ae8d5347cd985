package org.allocdiscipline.processor.flow;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import org.allocdiscipline.processor.flow.JumpScope.Dangling;

/**
 * Builds expressions in evaluation order, each node after its operands, and gives each node the paths
 * of what it acts on.
 */
final class ExpressionConstruction {
    private final CfgConstruction graph;

    ExpressionConstruction(CfgConstruction graph) {
        this.graph = graph;
    }

    /**
     * Builds an expression in evaluation order; the graph.frontier ends at the node for the whole tree.
     *
     * @return the path to the expression inside any parentheses, whose node the graph.frontier ends at
     */
    TreePath expression(ExpressionTree tree, TreePath parent) {
        TreePath path = new TreePath(parent, tree);
        switch (tree.getKind()) {
            case PARENTHESIZED -> {
                return expression(((ParenthesizedTree) tree).getExpression(), path);
            }
            case CONDITIONAL_AND, CONDITIONAL_OR -> {
                BinaryTree binary = (BinaryTree) tree;
                Branches branches = graph.condition(tree, parent);
                graph.frontier = CfgConstruction.union(branches.whenTrue(), branches.whenFalse());
                graph.add(NodeKind.EVAL, path).operands(List.of(operand(binary.getLeftOperand(), path),
                        operand(binary.getRightOperand(), path)));
            }
            case CONDITIONAL_EXPRESSION -> {
                ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
                Branches test = graph.condition(conditional.getCondition(), path);
                graph.frontier = test.whenTrue();
                TreePath whenTrue = expression(conditional.getTrueExpression(), path);
                List<Dangling> afterTrue = graph.frontier;
                graph.frontier = test.whenFalse();
                TreePath whenFalse = expression(conditional.getFalseExpression(), path);
                graph.frontier = CfgConstruction.union(afterTrue, graph.frontier);
                graph.add(NodeKind.EVAL, path).operands(List.of(whenTrue, whenFalse));
            }
            case METHOD_INVOCATION -> invocation((MethodInvocationTree) tree, path);
            case NEW_CLASS -> {
                NewClassTree newClass = (NewClassTree) tree;
                if (newClass.getEnclosingExpression() != null) {
                    expression(newClass.getEnclosingExpression(), path);
                }
                List<TreePath> arguments = expressions(newClass.getArguments(), path);
                CfgNode node = graph.add(NodeKind.NEW_CLASS, path).operands(arguments);
                graph.jumps.raise(node, graph.thrown.ofElement(path), path);
            }
            case NEW_ARRAY -> {
                NewArrayTree newArray = (NewArrayTree) tree;
                List<TreePath> parts = new ArrayList<>(expressions(newArray.getDimensions(), path));
                if (newArray.getInitializers() != null) {
                    parts.addAll(expressions(newArray.getInitializers(), path));
                }
                graph.add(NodeKind.EVAL, path).operands(parts);
            }
            case ASSIGNMENT -> {
                AssignmentTree assignment = (AssignmentTree) tree;
                TreePath target = assignmentTarget(assignment.getVariable(), path);
                TreePath value = expression(assignment.getExpression(), path);
                graph.add(NodeKind.ASSIGNMENT, path).target(target).value(value);
            }
            case LAMBDA_EXPRESSION -> graph.add(NodeKind.OPAQUE, path);
            case MEMBER_REFERENCE -> {
                TreePath qualifier = qualifier(((MemberReferenceTree) tree).getQualifierExpression(), path);
                graph.add(NodeKind.EVAL, path).operands(qualifier == null ? List.of() : List.of(qualifier));
            }
            case MEMBER_SELECT -> {
                TreePath qualifier = qualifier(((MemberSelectTree) tree).getExpression(), path);
                graph.add(NodeKind.EVAL, path).operands(qualifier == null ? List.of() : List.of(qualifier));
            }
            case ARRAY_ACCESS -> {
                ArrayAccessTree access = (ArrayAccessTree) tree;
                TreePath array = expression(access.getExpression(), path);
                TreePath index = expression(access.getIndex(), path);
                graph.add(NodeKind.EVAL, path).operands(List.of(array, index));
            }
            case TYPE_CAST -> {
                TreePath operand = expression(((TypeCastTree) tree).getExpression(), path);
                graph.add(NodeKind.EVAL, path).operands(List.of(operand));
            }
            case INSTANCE_OF -> {
                TreePath operand = expression(((InstanceOfTree) tree).getExpression(), path);
                graph.add(NodeKind.EVAL, path).operands(List.of(operand));
            }
            case SWITCH_EXPRESSION -> {
                SwitchExpressionTree switchTree = (SwitchExpressionTree) tree;
                List<TreePath> results = graph.switches.switchConstruct(path, switchTree.getExpression(), switchTree.getCases(), true);
                graph.add(NodeKind.EVAL, path).operands(results);
            }
            default -> {
                if (tree instanceof CompoundAssignmentTree compound) {
                    TreePath target = assignmentTarget(compound.getVariable(), path);
                    TreePath value = expression(compound.getExpression(), path);
                    graph.add(NodeKind.ASSIGNMENT, path).target(target).value(value);
                } else if (tree instanceof BinaryTree binary) {
                    TreePath left = expression(binary.getLeftOperand(), path);
                    TreePath right = expression(binary.getRightOperand(), path);
                    graph.add(NodeKind.EVAL, path).operands(List.of(left, right));
                } else if (tree instanceof UnaryTree unary) {
                    TreePath operand = expression(unary.getExpression(), path);
                    graph.add(NodeKind.EVAL, path).operands(List.of(operand));
                } else {
                    // Identifiers, literals, and any kind this builder does not know: one step.
                    graph.add(NodeKind.EVAL, path);
                }
            }
        }
        return path;
    }

    /** Builds each expression in turn; returns their paths. */
    private List<TreePath> expressions(List<? extends ExpressionTree> list, TreePath parent) {
        if (list.isEmpty()) {
            return List.of();
        }
        TreePath[] paths = new TreePath[list.size()];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = expression(list.get(i), parent);
        }
        return List.of(paths);
    }

    /** The path to an operand that a condition built, inside its parentheses. */
    private static TreePath operand(ExpressionTree tree, TreePath parent) {
        TreePath path = new TreePath(parent, tree);
        while (path.getLeaf() instanceof ParenthesizedTree parens) {
            path = new TreePath(path, parens.getExpression());
        }
        return path;
    }

    private void invocation(MethodInvocationTree tree, TreePath path) {
        ExpressionTree select = tree.getMethodSelect();
        TreePath selectPath = new TreePath(path, select);
        TreePath receiver = null;
        if (select instanceof MemberSelectTree member) {
            // A type or package name is what a static call is on, though nothing evaluates it.
            TreePath named = new TreePath(selectPath, member.getExpression());
            receiver = namesTypeOrPackage(named) ? named : expression(member.getExpression(), selectPath);
        }
        List<TreePath> arguments = expressions(tree.getArguments(), path);
        CfgNode node = graph.add(NodeKind.INVOCATION, path).receiver(receiver).operands(arguments);
        graph.jumps.raise(node, graph.thrown.ofInvocation(path, selectPath), path);
    }

    /**
     * Evaluates the parts of an assignment's left side that are evaluated before the right side.
     *
     * @return the path to the target inside any parentheses
     */
    private TreePath assignmentTarget(ExpressionTree target, TreePath parent) {
        TreePath path = new TreePath(parent, target);
        switch (target.getKind()) {
            case PARENTHESIZED -> {
                return assignmentTarget(((ParenthesizedTree) target).getExpression(), path);
            }
            case ARRAY_ACCESS -> {
                ArrayAccessTree access = (ArrayAccessTree) target;
                expression(access.getExpression(), path);
                expression(access.getIndex(), path);
            }
            case MEMBER_SELECT -> qualifier(((MemberSelectTree) target).getExpression(), path);
            default -> {
            }
        }
        return path;
    }

    /**
     * Evaluates the qualifier of a select or reference unless it names a type or package.
     *
     * @return the path to the evaluated qualifier, or {@code null} when it names a type or package
     */
    private TreePath qualifier(ExpressionTree qualifier, TreePath parent) {
        return namesTypeOrPackage(new TreePath(parent, qualifier)) ? null : expression(qualifier, parent);
    }

    /** Whether the qualifier of a select or reference names a type or package rather than a value. */
    private boolean namesTypeOrPackage(TreePath qualifier) {
        Tree.Kind kind = qualifier.getLeaf().getKind();
        if (kind == Tree.Kind.IDENTIFIER || kind == Tree.Kind.MEMBER_SELECT) {
            Element element = graph.trees.getElement(qualifier);
            return element != null && (element.getKind().isClass() || element.getKind().isInterface()
                    || element.getKind() == ElementKind.PACKAGE || element.getKind() == ElementKind.TYPE_PARAMETER);
        }
        return kind == Tree.Kind.PRIMITIVE_TYPE || kind == Tree.Kind.ARRAY_TYPE || kind == Tree.Kind.PARAMETERIZED_TYPE;
    }
}
