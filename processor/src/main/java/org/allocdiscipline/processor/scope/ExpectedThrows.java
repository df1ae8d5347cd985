package org.allocdiscipline.processor.scope;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * Recognises code that a test expects to throw: the lambda handed to {@code assertThrows},
 * {@code assertThatThrownBy}, {@code catchThrowable}, {@code isThrownBy} and the like (see
 * {@link ApiModel#EXPECTS_THROW_METHODS}), for the call that ends its body (the expression body, or
 * the last statement of a block). When the test passes that call throws, so the value it would
 * return never exists and nothing is owed for it: for example
 * {@code assertThatThrownBy(() -> allocator.alloc(-1))}.
 */
public final class ExpectedThrows {
    private ExpectedThrows() {
    }

    /**
     * Whether an expression is the whole body of a lambda that a test framework expects to throw.
     *
     * @param trees  the compiler's trees
     * @param lambda path to the lambda
     * @param value  the expression, such as an allocation whose result the lambda discards
     * @return true if {@code value} is the lambda's expression body (or its block's last statement) and
     *     the lambda is an argument of an expecting-to-throw method
     */
    public static boolean isExpectedToThrow(Trees trees, TreePath lambda, Tree value) {
        if (!(lambda.getLeaf() instanceof LambdaExpressionTree expression)
                || unwrap(lastExpression(expression.getBody())) != value
                || !(lambda.getParentPath().getLeaf() instanceof MethodInvocationTree call)
                || !call.getArguments().contains(expression)) {
            return false;
        }
        Element method = trees.getElement(lambda.getParentPath());
        return method instanceof ExecutableElement executable
                && ApiModel.EXPECTS_THROW_METHODS.contains(executable.getSimpleName().toString())
                && inTestFramework(executable);
    }

    /** The expression body, or the expression of a block body's last statement: where the throw is expected. */
    private static Tree lastExpression(Tree body) {
        if (body instanceof BlockTree block && !block.getStatements().isEmpty()
                && block.getStatements().getLast() instanceof ExpressionStatementTree statement) {
            return statement.getExpression();
        }
        return body;
    }

    private static Tree unwrap(Tree tree) {
        Tree current = tree;
        while (current instanceof ParenthesizedTree parenthesized) {
            current = parenthesized.getExpression();
        }
        return current;
    }

    private static boolean inTestFramework(ExecutableElement method) {
        Element current = method.getEnclosingElement();
        while (current != null && !(current instanceof PackageElement)) {
            current = current.getEnclosingElement();
        }
        if (!(current instanceof PackageElement pkg)) {
            return false;
        }
        String name = pkg.getQualifiedName().toString();
        for (String framework : ApiModel.EXPECTS_THROW_PACKAGES) {
            if (name.equals(framework) || name.startsWith(framework + ".")) {
                return true;
            }
        }
        return false;
    }
}
