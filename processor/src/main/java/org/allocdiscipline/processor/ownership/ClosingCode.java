package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * What code handed on as a value closes of the body around it: the receiver of a method reference
 * {@code arena::close}, or the locals of the enclosing body on which a lambda or anonymous class calls
 * {@code close()} ({@code () -> arena.close()}). Such code runs later, or elsewhere: as a
 * {@code Cleaner} action (a hand-off), or as a task whose running the checker does not follow.
 */
final class ClosingCode {
    private final Trees trees;

    ClosingCode(Trees trees) {
        this.trees = trees;
    }

    /**
     * @param code the path to an expression: a method reference, a lambda, a {@code new} of an anonymous
     *     class, or anything else (which closes nothing here)
     * @return the expressions whose values the code closes, each as a path the state can evaluate
     */
    List<TreePath> closedBy(TreePath code) {
        ExpressionTree tree = OwnershipTrees.skipParens((ExpressionTree) code.getLeaf());
        TreePath path = new TreePath(code.getParentPath(), tree);
        if (tree instanceof MemberReferenceTree reference) {
            boolean closes = reference.getMode() == MemberReferenceTree.ReferenceMode.INVOKE
                    && reference.getName().contentEquals("close")
                    && !(trees.getElement(new TreePath(path, reference.getQualifierExpression())) instanceof TypeElement);
            return closes ? List.of(new TreePath(path, reference.getQualifierExpression())) : List.of();
        }
        if (tree instanceof LambdaExpressionTree || tree instanceof NewClassTree created && created.getClassBody() != null) {
            return capturedCloses(path);
        }
        return List.of();
    }

    /** The captured locals on which the code of a lambda or anonymous class calls {@code close()}. */
    private List<TreePath> capturedCloses(TreePath code) {
        List<TreePath> closes = new ArrayList<>();
        Set<Element> declaredInside = new HashSet<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree variable, Void unused) {
                declaredInside.add(trees.getElement(getCurrentPath()));
                return super.visitVariable(variable, unused);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (OwnershipTrees.isCloseCall(call) && call.getMethodSelect() instanceof MemberSelectTree select
                        && OwnershipTrees.skipParens(select.getExpression()) instanceof IdentifierTree receiver) {
                    closes.add(new TreePath(new TreePath(getCurrentPath(), select), receiver));
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(code, null);
        List<TreePath> captured = new ArrayList<>();
        for (TreePath receiver : closes) {
            Element variable = trees.getElement(receiver);
            if (variable != null && OwnershipTrees.isLocal(variable) && !declaredInside.contains(variable)) {
                captured.add(receiver);
            }
        }
        return captured;
    }
}
