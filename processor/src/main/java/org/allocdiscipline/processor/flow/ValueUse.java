package org.allocdiscipline.processor.flow;

import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;

/**
 * Where the value of a node's expression goes: the tree that consumes it, found past parentheses,
 * casts and the arms of a conditional (which hand the value on unchanged), and the operand of that
 * tree through which the value arrives. A call whose value goes to an expression statement is
 * discarded; a segment whose value goes to {@code == null} is only compared.
 *
 * @param user    the consuming tree: a statement, call, assignment, comparison, lambda and so on; for
 *                the body's own root, the root itself
 * @param operand the child of {@code user} that holds the value (the outermost parenthesis, cast or
 *                conditional around the expression, or the expression itself)
 */
public record ValueUse(TreePath user, Tree operand) {

    /**
     * The use of the value of an expression.
     *
     * @param expression path to the expression
     * @return where its value goes
     */
    static ValueUse of(TreePath expression) {
        Tree child = expression.getLeaf();
        TreePath path = expression.getParentPath();
        while (path != null) {
            Tree leaf = path.getLeaf();
            boolean passesThrough = leaf instanceof ParenthesizedTree || leaf instanceof TypeCastTree
                    || leaf instanceof ConditionalExpressionTree conditional && conditional.getCondition() != child;
            if (!passesThrough) {
                return new ValueUse(path, child);
            }
            child = leaf;
            path = path.getParentPath();
        }
        return new ValueUse(expression, expression.getLeaf());
    }
}
