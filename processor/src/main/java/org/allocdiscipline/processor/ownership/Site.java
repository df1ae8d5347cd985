package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;

/**
 * What an owned value of the analysis is named by: where it comes from. Sites are keys of the state;
 * two sites are equal when they are of one kind and name the same tree.
 *
 * <p>Not records: a record's {@code equals} and {@code hashCode} are linked through
 * {@code invokedynamic} on first use, which costs milliseconds per class in every fresh javac process.
 */
abstract sealed class Site permits Site.Allocation, Site.Older, Site.Parameter, Site.Field {
    private final Tree tree;

    private Site(Tree tree) {
        this.tree = tree;
    }

    /**
     * The tree a finding about the value points at.
     *
     * @return the allocation, or the declaration of the parameter or field
     */
    Tree tree() {
        return tree;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((Site) other).tree == tree;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(tree);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " " + tree;
    }

    /** The newest value made by a call of an {@code @Owned} method or a {@code new} of an owned class. */
    static final class Allocation extends Site {
        Allocation(Tree call) {
            super(call);
        }
    }

    /**
     * The values an allocation made in earlier loop iterations and still held by variables, kept apart
     * from its newest value so that releasing one does not release the other.
     */
    static final class Older extends Site {
        Older(Tree call) {
            super(call);
        }
    }

    /** The value an {@code @Owned} parameter holds on entry. */
    static final class Parameter extends Site {
        Parameter(VariableTree declaration) {
            super(declaration);
        }
    }

    /** The value an {@code @Owned} field of the class holds, in its {@code close()}. */
    static final class Field extends Site {
        Field(VariableTree declaration) {
            super(declaration);
        }
    }
}
