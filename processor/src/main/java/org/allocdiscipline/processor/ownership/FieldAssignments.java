package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;

/**
 * Whether one of the class's own methods stores a value other than {@code null} in one of its fields,
 * read from the method's body alone. Summaries do not tell this apart from leaving the field untouched
 * (both leave it owned), and a caller that freed the field must know that the call filled it again.
 * Any such store counts, on any path: the answer errs towards a filled field, and so towards silence.
 */
final class FieldAssignments {
    private FieldAssignments() {
    }

    /**
     * @param trees the compiler's trees
     * @param body the declaration of a method, or {@code null} when it has none here
     * @param field the field
     * @return whether the body, outside nested lambdas and classes, assigns the field a non-null value
     */
    static boolean fills(Trees trees, TreePath body, Element field) {
        if (body == null || !(body.getLeaf() instanceof MethodTree)) {
            return false;
        }
        boolean[] found = new boolean[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitAssignment(AssignmentTree assignment, Void unused) {
                ExpressionTree target = OwnershipTrees.skipParens(assignment.getVariable());
                if (OwnershipTrees.skipParens(assignment.getExpression()).getKind() != Tree.Kind.NULL_LITERAL
                        && OwnershipTrees.isOwnFieldAccess(target)
                        && field.equals(trees.getElement(new TreePath(getCurrentPath(), target)))) {
                    found[0] = true;
                }
                return super.visitAssignment(assignment, unused);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(ClassTree type, Void unused) {
                return null;
            }
        }.scan(body, null);
        return found[0];
    }
}
