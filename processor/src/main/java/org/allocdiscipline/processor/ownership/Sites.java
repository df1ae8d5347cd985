package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The sites of one body's owned values and the paths to them. A site is the tree that makes a value
 * (a call or {@code new}), the declaration of an {@code @Owned} parameter or field, or
 * {@link Older}, the values a site made in earlier loop iterations. Findings name a site by its path.
 */
final class Sites {
    private final Map<Tree, TreePath> paths = new IdentityHashMap<>();

    /**
     * The values a site made in earlier iterations and still held by variables, kept apart
     * from its newest value so that releasing one does not release the other.
     */
    record Older(Tree site) {
    }

    static Tree treeOf(Object site) {
        return site instanceof Older older ? older.site() : (Tree) site;
    }

    /** Records where a site is; the first path recorded for it stays. */
    void at(Tree site, TreePath path) {
        paths.putIfAbsent(site, path);
    }

    /** The path to a site (to the loop's site for {@link Older}), or null if none was recorded. */
    TreePath pathOf(Object site) {
        return paths.get(treeOf(site));
    }
}
