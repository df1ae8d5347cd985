package org.allocdiscipline.processor.rules;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * A tree scanner that knows the path to the node it is at, like {@code TreePathScanner}, but makes
 * the {@code TreePath} objects only when asked: {@code TreePathScanner} makes one per node visited,
 * which was a sixth of the checker's time on code without findings. Paths made once are kept for as
 * long as the walk stays under them.
 *
 * @param <R> what the visit methods return
 * @param <P> what they take
 */
abstract class OnDemandPathScanner<R, P> extends TreeScanner<R, P> {
    private final List<Tree> trees = new ArrayList<>();
    private final List<TreePath> paths = new ArrayList<>();

    /**
     * Walks the tree at the end of a path.
     *
     * @param path where to start; its parents are the parents of every path this walk makes
     * @param p the parameter for the visit methods
     * @return the visit's result
     */
    R scan(TreePath path, P p) {
        trees.add(path.getLeaf());
        paths.add(path);
        try {
            return path.getLeaf().accept(this, p);
        } finally {
            pop();
        }
    }

    @Override
    public R scan(Tree tree, P p) {
        if (tree == null) {
            return null;
        }
        trees.add(tree);
        paths.add(null);
        try {
            return tree.accept(this, p);
        } finally {
            pop();
        }
    }

    private void pop() {
        trees.removeLast();
        paths.removeLast();
    }

    /**
     * The parent of the node being visited, without making a path.
     *
     * @return the parent tree, or null at the root of the walk
     */
    Tree parentTree() {
        return trees.size() < 2 ? null : trees.get(trees.size() - 2);
    }

    /**
     * The path to the node being visited.
     *
     * @return the path
     */
    TreePath getCurrentPath() {
        int known = paths.size() - 1;
        while (paths.get(known) == null) {
            known--;
        }
        TreePath path = paths.get(known);
        for (int i = known + 1; i < trees.size(); i++) {
            path = new TreePath(path, trees.get(i));
            paths.set(i, path);
        }
        return path;
    }
}
