package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;

/**
 * What an owned value of the analysis is named by: where it comes from. Sites are keys of the state;
 * two sites are equal when they are of one kind and name the same tree.
 */
sealed interface Site {
    /**
     * The tree a finding about the value points at.
     *
     * @return the allocation, or the declaration of the parameter or field
     */
    Tree tree();

    /**
     * The newest value made by a call of an {@code @Owned} method or a {@code new} of an owned class.
     *
     * @param tree the call or {@code new}
     */
    record Allocation(Tree tree) implements Site {
    }

    /**
     * The values an allocation made in earlier loop iterations and still held by variables, kept apart
     * from its newest value so that releasing one does not release the other.
     *
     * @param tree the call or {@code new}
     */
    record Older(Tree tree) implements Site {
    }

    /**
     * The value an {@code @Owned} parameter holds on entry.
     *
     * @param tree the parameter's declaration
     */
    record Parameter(VariableTree tree) implements Site {
    }

    /**
     * The value an {@code @Owned} field of the class holds, in its {@code close()}.
     *
     * @param tree the field's declaration
     */
    record Field(VariableTree tree) implements Site {
    }
}
