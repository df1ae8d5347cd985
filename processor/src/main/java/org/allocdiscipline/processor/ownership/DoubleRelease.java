package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/**
 * A value released again after it may already have been released.
 *
 * @param release    the second release (the call, or the expression closed)
 * @param allocation the allocation site of the value
 * @param helper     the helper whose body released it before, if one did; otherwise {@code null}
 */
public record DoubleRelease(TreePath release, Tree allocation, HelperRelease helper) {
}
