package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;

/**
 * A call of one of the class's own methods that released a value because its body does (no annotation
 * says so), for messages to name the helper they relied on.
 *
 * @param call the call or {@code new}
 * @param somePathsOnly whether the callee releases the value on some of its paths only
 */
public record HelperRelease(Tree call, boolean somePathsOnly) {
}
