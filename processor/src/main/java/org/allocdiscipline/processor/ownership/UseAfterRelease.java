package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/**
 * A use of a variable whose value was released on every path to the use.
 *
 * @param use        the identifier that reads the variable
 * @param allocation the allocation site of the value
 */
public record UseAfterRelease(TreePath use, Tree allocation) {
}
