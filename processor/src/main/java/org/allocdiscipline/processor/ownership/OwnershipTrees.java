package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeKind;
import org.allocdiscipline.processor.flow.BodyScanner;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * Questions about the shape of trees that the ownership analysis asks: what consumes an expression's
 * value, which statement a {@code break} leaves, what a {@code switch} expression may yield, and
 * which names are locals or boolean flags. No state; nothing here depends on the analysis.
 */
final class OwnershipTrees {
    private OwnershipTrees() {
    }

    static ExpressionTree skipParens(ExpressionTree tree) {
        while (tree instanceof ParenthesizedTree parens) {
            tree = parens.getExpression();
        }
        return tree;
    }

    /** The tree that consumes an expression's value: its parent, looking through parentheses, casts and conditionals. */
    static TreePath consumer(TreePath expression) {
        TreePath path = expression.getParentPath();
        Tree child = expression.getLeaf();
        while (path != null) {
            Tree leaf = path.getLeaf();
            boolean passesThrough = leaf instanceof ParenthesizedTree || leaf instanceof TypeCastTree
                    || leaf instanceof ConditionalExpressionTree conditional && conditional.getCondition() != child;
            if (!passesThrough) {
                return path;
            }
            child = leaf;
            path = path.getParentPath();
        }
        return expression;
    }

    static boolean isThis(ExpressionTree receiver) {
        return skipParens(receiver) instanceof IdentifierTree id && id.getName().contentEquals("this");
    }

    static boolean isOwnFieldAccess(ExpressionTree tree) {
        return tree instanceof IdentifierTree || tree instanceof MemberSelectTree select && isThis(select.getExpression());
    }

    static boolean isLocal(Element element) {
        return switch (element.getKind()) {
            case LOCAL_VARIABLE, PARAMETER, EXCEPTION_PARAMETER, RESOURCE_VARIABLE, BINDING_VARIABLE -> true;
            default -> false;
        };
    }

    static boolean isBooleanLocal(Element element) {
        return element != null && isLocal(element) && element.asType().getKind() == TypeKind.BOOLEAN;
    }

    /** The value of a {@code true} or {@code false} literal; {@code null} for anything else. */
    static Boolean booleanConstant(ExpressionTree expression) {
        return skipParens(expression) instanceof LiteralTree literal
                && literal.getValue() instanceof Boolean value ? value : null;
    }

    /** {@code receiver.close()}. */
    static boolean isCloseCall(MethodInvocationTree call) {
        return call.getMethodSelect() instanceof MemberSelectTree select
                && ApiModel.isClose(select.getIdentifier(), call.getArguments().size());
    }

    /**
     * The statement a {@code break} leaves, or {@code null} when a finally block or resource
     * runs on the way, which may still release what the break's locals hold (the leak, if any,
     * is then found where the value finally escapes).
     */
    static TreePath breakTarget(TreePath breakPath) {
        javax.lang.model.element.Name label = ((BreakTree) breakPath.getLeaf()).getLabel();
        Tree child = breakPath.getLeaf();
        for (TreePath p = breakPath.getParentPath(); p != null; child = p.getLeaf(), p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
                return null;
            }
            if (leaf instanceof TryTree tryTree && child != tryTree.getFinallyBlock()
                    && (tryTree.getFinallyBlock() != null || !tryTree.getResources().isEmpty())) {
                return null;
            }
            if (label == null ? leaf instanceof SwitchTree || leaf.getKind() == Tree.Kind.WHILE_LOOP
                    || leaf.getKind() == Tree.Kind.DO_WHILE_LOOP || leaf.getKind() == Tree.Kind.FOR_LOOP
                    || leaf.getKind() == Tree.Kind.ENHANCED_FOR_LOOP
                    : leaf instanceof LabeledStatementTree labeled && labeled.getLabel().contentEquals(label)) {
                return p;
            }
        }
        return null;
    }

    static List<TreePath> switchResults(TreePath switchPath) {
        List<TreePath> results = new ArrayList<>();
        SwitchExpressionTree switchTree = (SwitchExpressionTree) switchPath.getLeaf();
        for (CaseTree caseTree : switchTree.getCases()) {
            TreePath casePath = new TreePath(switchPath, caseTree);
            if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE && caseTree.getBody() instanceof ExpressionTree value) {
                results.add(new TreePath(casePath, value));
                continue;
            }
            new BodyScanner<Void, Void>() {
                @Override
                public Void visitYield(YieldTree yield, Void unused) {
                    results.add(new TreePath(getCurrentPath(), yield.getValue()));
                    return null;
                }

                @Override
                public Void visitSwitchExpression(SwitchExpressionTree nested, Void unused) {
                    // A nested switch expression's yields are its own results.
                    return null;
                }
            }.scan(casePath, null);
        }
        return results;
    }
}
