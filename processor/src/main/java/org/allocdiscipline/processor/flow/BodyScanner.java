package org.allocdiscipline.processor.flow;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;

/**
 * A scanner that stays inside one body: it does not enter lambda bodies or class bodies (anonymous
 * and local classes), which are bodies of their own (with graphs of their own; the rule runner hands
 * them to the rules separately). The
 * arguments and enclosing expression of a {@code new} with an anonymous class body are still
 * scanned, since they are evaluated in this body. Like {@link OnDemandPathScanner}, it makes the path of
 * a node only when a visit asks for it: most of the nodes a walk of a body passes are not looked at.
 *
 * @param <R> the result type
 * @param <P> the parameter type
 */
public abstract class BodyScanner<R, P> extends OnDemandPathScanner<R, P> {
    /** Creates the scanner. */
    protected BodyScanner() {
    }

    @Override
    public R visitLambdaExpression(LambdaExpressionTree node, P p) {
        return null;
    }

    @Override
    public R visitClass(ClassTree node, P p) {
        return null;
    }

    @Override
    public R visitNewClass(NewClassTree node, P p) {
        R r = scan(node.getEnclosingExpression(), p);
        r = scanAndReduce(node.getIdentifier(), p, r);
        r = scanAndReduce(node.getTypeArguments(), p, r);
        return scanAndReduce(node.getArguments(), p, r);
    }

    private R scanAndReduce(Tree tree, P p, R r) {
        return reduce(scan(tree, p), r);
    }

    private R scanAndReduce(Iterable<? extends Tree> trees, P p, R r) {
        return reduce(scan(trees, p), r);
    }
}
