package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import org.allocdiscipline.processor.ownership.SegmentEscape.Route;

/**
 * Stores whose value outlives the body that makes them: into a field, or into an element of an array that
 * a field holds or the caller passed in. A local, or an array only a local holds, dies with the body.
 */
final class OutlivingStores {
    private final Trees trees;

    OutlivingStores(Trees trees) {
        this.trees = trees;
    }

    /**
     * @param target the path to the variable an assignment writes
     * @return {@link Route#FIELD} or {@link Route#ARRAY_ELEMENT} when the value written outlives the body, else null
     */
    Route routeOf(TreePath target) {
        Element element = trees.getElement(target);
        if (element != null && element.getKind() == ElementKind.FIELD) {
            return Route.FIELD;
        }
        if (target.getLeaf() instanceof ArrayAccessTree access) {
            ExpressionTree array = OwnershipTrees.skipParens(access.getExpression());
            Element arrayElement = trees.getElement(new TreePath(target, array));
            if (arrayElement != null && (arrayElement.getKind() == ElementKind.FIELD
                    || arrayElement.getKind() == ElementKind.PARAMETER)) {
                return Route.ARRAY_ELEMENT;
            }
        }
        return null;
    }

    /**
     * The variable a value is written into when an assignment's value goes into one that outlives the body.
     *
     * @param user the tree that consumes the value
     * @param operand the child of {@code user} that holds the value
     * @return the path to the written variable, or null when the value is no assignment's, or goes into a local
     */
    TreePath outlivingTarget(TreePath user, Tree operand) {
        if (!(user.getLeaf() instanceof AssignmentTree assignment) || assignment.getExpression() != operand) {
            return null;
        }
        TreePath target = new TreePath(user, assignment.getVariable());
        return routeOf(target) == null ? null : target;
    }
}
