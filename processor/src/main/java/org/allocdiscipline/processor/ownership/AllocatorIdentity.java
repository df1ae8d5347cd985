package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import java.util.Objects;
import javax.lang.model.element.TypeElement;

/**
 * What is known about which allocator object an expression denotes, enough to prove that two
 * allocators differ: two different {@code new} expressions, two different exact classes, or the
 * global page allocator against one made with {@code new}.
 *
 * @param creation      the {@code new} expression that made it, if known
 * @param exactClass    its class when known exactly (made with {@code new}, or a final static type)
 * @param pageAllocator whether it is {@code PageAllocator.INSTANCE}
 */
record AllocatorIdentity(Tree creation, TypeElement exactClass, boolean pageAllocator) {
    static final AllocatorIdentity UNKNOWN = new AllocatorIdentity(null, null, false);

    boolean isUnknown() {
        return creation == null && exactClass == null && !pageAllocator;
    }

    boolean provablyDiffers(AllocatorIdentity other) {
        if (isUnknown() || other.isUnknown()) {
            return false;
        }
        if (creation != null && other.creation != null) {
            return creation != other.creation;
        }
        if (pageAllocator && other.creation != null || other.pageAllocator && creation != null) {
            return true;
        }
        return exactClass != null && other.exactClass != null && !exactClass.equals(other.exactClass);
    }

    AllocatorIdentity join(AllocatorIdentity other) {
        return equals(other) ? this : UNKNOWN;
    }

    /**
     * The record's equality, written out: every join of two locals compares their allocators, and the
     * generated method reaches the components through method handles, slow in code the JIT has not
     * compiled yet. Trees and classes are equal only to themselves.
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AllocatorIdentity identity && creation == identity.creation
                && pageAllocator == identity.pageAllocator && Objects.equals(exactClass, identity.exactClass);
    }

    /** The record's hash, written out to agree with {@link #equals}: the generated formula. */
    @Override
    public int hashCode() {
        return (Objects.hashCode(creation) * 31 + Objects.hashCode(exactClass)) * 31 + Boolean.hashCode(pageAllocator);
    }
}
