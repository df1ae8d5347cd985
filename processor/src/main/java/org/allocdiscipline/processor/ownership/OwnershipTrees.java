package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeKind;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * Questions about the shape of trees that the ownership analysis asks: which names are locals or
 * boolean flags, and which call is {@code close()}. No state; nothing here depends on the analysis.
 * What a node of the graph says itself (its operands, its jump target, where its value goes, the
 * locals a statement declares) the analysis reads from the graph instead.
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

    /** The path to the expression inside any parentheses. */
    static TreePath skipParens(TreePath path) {
        while (path.getLeaf() instanceof ParenthesizedTree parens) {
            path = new TreePath(path, parens.getExpression());
        }
        return path;
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
