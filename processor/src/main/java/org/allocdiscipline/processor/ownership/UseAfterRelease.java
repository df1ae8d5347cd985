package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/**
 * A use of a variable whose value was released on every path to the use, by itself or because
 * the region that allocated it was closed.
 *
 * @param use          the identifier that reads the variable
 * @param allocation   the allocation site of the value
 * @param closedRegion the {@code new} of the region allocator whose close released the value, or
 *                     {@code null} when the value itself was released
 * @param throughView  whether the variable holds the value's {@code asSegmentAllocator()} view, not the value
 * @param storedInto   the field or array element that the use stores the value into, where it outlives the
 *                     body ({@code this.cache = s;} after the arena of {@code s} was closed); else {@code null}
 */
public record UseAfterRelease(TreePath use, Tree allocation, Tree closedRegion, boolean throughView, Tree storedInto) {
}
