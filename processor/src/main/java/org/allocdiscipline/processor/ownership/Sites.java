package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.IdentityHashMap;
import java.util.Map;

/** Where the {@linkplain Site sites} of one body's owned values are: findings name a site by its path. */
final class Sites {
    private final Map<Tree, TreePath> paths = new IdentityHashMap<>();

    /** Records where a site is; the first path recorded for it stays. */
    void at(Tree site, TreePath path) {
        paths.putIfAbsent(site, path);
    }

    /** The path to a site's tree, or null if none was recorded. */
    TreePath pathOf(Site site) {
        return paths.get(site.tree());
    }
}
