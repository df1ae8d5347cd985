package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/**
 * An {@code @Owned} field that a method other than {@code close()} frees and leaves holding the freed
 * memory, which {@code close()} then releases again.
 *
 * @param at      where it is reported: the call whose exception leaves the field dangling, or the release
 * @param field   the declaration of the field
 * @param release the release of the field's value in the method
 * @param thrower the call or statement that throws with the field dangling; {@code null} when the method
 *                returns normally with it dangling
 * @param method  the method
 */
public record DanglingField(TreePath at, Tree field, TreePath release, Tree thrower, MethodTree method) {
}
