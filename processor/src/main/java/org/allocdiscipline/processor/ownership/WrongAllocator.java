package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/**
 * A value released through an allocator that is provably not the one that allocated it.
 *
 * @param release    the releasing call
 * @param allocation the allocation site of the value
 */
public record WrongAllocator(TreePath release, Tree allocation) {
}
