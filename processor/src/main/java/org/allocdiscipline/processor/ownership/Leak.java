package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import javax.lang.model.type.TypeMirror;

/**
 * An owned value that is neither released nor handed on along some path.
 *
 * @param site      the allocation (call or {@code new}), the {@code @Owned} parameter, or the
 *                  {@code @Owned} field declaration that owes the release
 * @param reason    the kind of path
 * @param at        the tree that names the path (see {@link LeakReason})
 * @param exception for {@link LeakReason#EXCEPTION}, the exception type; otherwise {@code null}
 * @param helper    a helper that released the value on some of its paths only; otherwise {@code null}
 */
public record Leak(TreePath site, LeakReason reason, Tree at, TypeMirror exception, HelperRelease helper) {
    /**
     * A leak that no helper had a part in.
     *
     * @param site      the site that owes the release
     * @param reason    the kind of path
     * @param at        the tree that names the path
     * @param exception for {@link LeakReason#EXCEPTION}, the exception type; otherwise {@code null}
     */
    public Leak(TreePath site, LeakReason reason, Tree at, TypeMirror exception) {
        this(site, reason, at, exception, null);
    }
}
