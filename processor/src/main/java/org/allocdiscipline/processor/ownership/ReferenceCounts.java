package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import org.allocdiscipline.processor.flow.BodyScanner;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * Whether a {@code close()} gives back a reference rather than the object: it counts down, by a
 * decrement of a field ({@code --refs}, {@code refs -= 1}) or an atomic update ({@code decrementAndGet},
 * {@code compareAndSet} and the like, of {@code java.util.concurrent.atomic} or a {@code VarHandle}), in
 * its own body or in a helper of its class that it calls. Such a {@code close()} closes the arena it
 * keeps only when the last reference goes, as shared, pooled arenas do: the paths where it leaves the
 * arena open are the count's business, which the checker does not follow.
 */
final class ReferenceCounts {
    /** How deep helpers of helpers are read. */
    private static final int MAX_DEPTH = 4;

    private final Trees trees;
    private final MethodSummaries summaries;
    /** The class whose helpers are read, and its outermost class, where their declarations are found. */
    private final Element owner;
    private final Element top;
    private final Set<Element> seen = new HashSet<>();

    private ReferenceCounts(Trees trees, MethodSummaries summaries, Element owner, Element top) {
        this.trees = trees;
        this.summaries = summaries;
        this.owner = owner;
        this.top = top;
    }

    /**
     * @param trees the compiler's tree utilities
     * @param summaries where the declarations of the class's methods are found
     * @param method path to a method declared directly in a class
     * @return true when it, or a method of its class it calls, counts down
     */
    static boolean countsDown(Trees trees, MethodSummaries summaries, TreePath method) {
        TreePath classPath = method.getParentPath();
        if (!(method.getLeaf() instanceof MethodTree) || classPath == null || !(classPath.getLeaf() instanceof ClassTree)) {
            return false;
        }
        ReferenceCounts reading = new ReferenceCounts(trees, summaries, trees.getElement(classPath),
                summaries.outermost(method));
        if (trees.getElement(method) instanceof Element declared) {
            reading.seen.add(declared);
        }
        return reading.countsDown(method, 0);
    }

    private boolean countsDown(TreePath method, int depth) {
        MethodTree tree = (MethodTree) method.getLeaf();
        if (tree.getBody() == null) {
            return false;
        }
        List<TreePath> helpers = new ArrayList<>();
        boolean[] found = {false};
        new BodyScanner<Void, Void>() {
            @Override
            public Void visitUnary(UnaryTree node, Void unused) {
                if ((node.getKind() == Tree.Kind.PREFIX_DECREMENT || node.getKind() == Tree.Kind.POSTFIX_DECREMENT)
                        && isField(node.getExpression())) {
                    found[0] = true;
                }
                return super.visitUnary(node, unused);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
                if (node.getKind() == Tree.Kind.MINUS_ASSIGNMENT && isField(node.getVariable())) {
                    found[0] = true;
                }
                return super.visitCompoundAssignment(node, unused);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                if (trees.getElement(getCurrentPath()) instanceof ExecutableElement called) {
                    if (ApiModel.isAtomicCountUpdate(called)) {
                        found[0] = true;
                    } else if (called.getEnclosingElement().equals(owner) && seen.add(called)
                            && summaries.declaration(called, top) instanceof TreePath helper) {
                        helpers.add(helper);
                    }
                }
                return super.visitMethodInvocation(node, unused);
            }

            private boolean isField(Tree operand) {
                Element element = trees.getElement(new TreePath(getCurrentPath(), operand));
                return element != null && element.getKind() == ElementKind.FIELD;
            }
        }.scan(new TreePath(method, tree.getBody()), null);
        if (found[0]) {
            return true;
        }
        if (depth < MAX_DEPTH) {
            for (TreePath helper : helpers) {
                if (countsDown(helper, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
