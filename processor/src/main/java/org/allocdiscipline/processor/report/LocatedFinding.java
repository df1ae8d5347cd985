package org.allocdiscipline.processor.report;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;

/**
 * A finding together with the tree javac's diagnostic is placed on.
 *
 * @param finding the finding
 * @param tree the exact tree it is about
 * @param unit the compilation unit holding the tree
 */
public record LocatedFinding(Finding finding, Tree tree, CompilationUnitTree unit) {
    /**
     * A copy with another finding on the same tree.
     *
     * @param replacement the new finding
     * @return the copy
     */
    public LocatedFinding with(Finding replacement) {
        return new LocatedFinding(replacement, tree, unit);
    }
}
