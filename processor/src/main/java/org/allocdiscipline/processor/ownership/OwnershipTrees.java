package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeKind;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * Questions about the shape of trees that the ownership analysis asks: what consumes an expression's
 * value, which names are locals or boolean flags, and which call is {@code close()}. No state; nothing
 * here depends on the analysis. Where a node of the graph already says what it acts on (its operands,
 * its jump target), the analysis reads that instead.
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
    static Boolean booleanConstant(Tree expression) {
        return expression instanceof ExpressionTree value && skipParens(value) instanceof LiteralTree literal
                && literal.getValue() instanceof Boolean constant ? constant : null;
    }

    /** {@code receiver.close()}. */
    static boolean isCloseCall(MethodInvocationTree call) {
        return call.getMethodSelect() instanceof MemberSelectTree select
                && ApiModel.isClose(select.getIdentifier(), call.getArguments().size());
    }
}
