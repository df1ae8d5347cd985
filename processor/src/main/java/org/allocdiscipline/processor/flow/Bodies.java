package org.allocdiscipline.processor.flow;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the bodies that get a {@link Cfg} of their own: methods and constructors with a body,
 * lambdas, initializer blocks and field initializers, at any nesting (anonymous and local
 * classes included), in source order.
 */
public final class Bodies {

    private Bodies() {
    }

    /**
     * Collects the bodies under a tree.
     *
     * @param root a compilation unit, class, or any other tree
     * @return paths that {@link CfgBuilder#build} accepts
     */
    public static List<TreePath> under(TreePath root) {
        List<TreePath> bodies = new ArrayList<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethod(MethodTree method, Void unused) {
                if (method.getBody() != null) {
                    bodies.add(getCurrentPath());
                }
                return super.visitMethod(method, unused);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
                bodies.add(getCurrentPath());
                return super.visitLambdaExpression(lambda, unused);
            }

            @Override
            public Void visitBlock(BlockTree block, Void unused) {
                if (isClassMember()) {
                    bodies.add(getCurrentPath());
                }
                return super.visitBlock(block, unused);
            }

            @Override
            public Void visitVariable(VariableTree variable, Void unused) {
                if (variable.getInitializer() != null && isClassMember()) {
                    bodies.add(getCurrentPath());
                }
                return super.visitVariable(variable, unused);
            }

            private boolean isClassMember() {
                TreePath parent = getCurrentPath().getParentPath();
                return parent != null && parent.getLeaf() instanceof com.sun.source.tree.ClassTree
                        && parent.getLeaf().getKind() != Tree.Kind.COMPILATION_UNIT;
            }
        }.scan(root, null);
        return bodies;
    }
}
