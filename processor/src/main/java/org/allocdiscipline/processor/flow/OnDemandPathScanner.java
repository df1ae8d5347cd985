package org.allocdiscipline.processor.flow;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import java.util.Arrays;

/**
 * A tree scanner that knows the path to the node it is at, like {@code TreePathScanner}, but makes
 * the {@code TreePath} objects only when asked: {@code TreePathScanner} makes one per node visited,
 * which was a sixth of the checker's time on code without findings. Paths made once are kept for as
 * long as the walk stays under them. One scanner serves one walk: a walk that throws leaves it unusable.
 *
 * @param <R> what the visit methods return
 * @param <P> what they take
 */
public abstract class OnDemandPathScanner<R, P> extends TreeScanner<R, P> {
    // The nodes from the walk's root down to the current one, and the paths made for them so far.
    private Tree[] trees = new Tree[64];
    private TreePath[] paths = new TreePath[64];
    private int depth;

    /** Creates the scanner. */
    protected OnDemandPathScanner() {
    }

    /**
     * Walks the tree at the end of a path.
     *
     * @param path where to start; its parents are the parents of every path this walk makes
     * @param p the parameter for the visit methods
     * @return the visit's result
     */
    public R scan(TreePath path, P p) {
        push(path.getLeaf());
        paths[0] = path;
        R result = path.getLeaf().accept(this, p);
        depth--;
        return result;
    }

    @Override
    public R scan(Tree tree, P p) {
        if (tree == null) {
            return null;
        }
        // No try/finally: a walk that throws is abandoned with its scanner.
        push(tree);
        R result = tree.accept(this, p);
        paths[--depth] = null;
        return result;
    }

    private void push(Tree tree) {
        if (depth == trees.length) {
            trees = Arrays.copyOf(trees, depth * 2);
            paths = Arrays.copyOf(paths, depth * 2);
        }
        trees[depth++] = tree;
    }

    /**
     * The parent of the node being visited, without making a path.
     *
     * @return the parent tree, or null at the root of the walk
     */
    protected Tree parentTree() {
        return depth < 2 ? null : trees[depth - 2];
    }

    /**
     * The path to the node being visited.
     *
     * @return the path
     */
    protected TreePath getCurrentPath() {
        int known = depth - 1;
        while (paths[known] == null) {
            known--;
        }
        TreePath path = paths[known];
        for (int i = known + 1; i < depth; i++) {
            path = new TreePath(path, trees[i]);
            paths[i] = path;
        }
        return path;
    }
}
