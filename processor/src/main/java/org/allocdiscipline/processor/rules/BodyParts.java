package org.allocdiscipline.processor.rules;

import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the body collector noticed in one body on its single walk over the class, so that rules need
 * not walk the body again to find it. Nested lambdas and classes are bodies of their own: their parts
 * are not in here.
 */
public final class BodyParts {
    /** Where a walk puts what it sees outside every body: keeps nothing. */
    static final BodyParts NONE = new BodyParts(true);

    private final boolean discarding;
    private final List<TreePath> globalAllocatorCandidates = new ArrayList<>();
    private boolean ownershipCall;

    BodyParts() {
        this(false);
    }

    private BodyParts(boolean discarding) {
        this.discarding = discarding;
    }

    void candidate(TreePath path) {
        if (!discarding) {
            globalAllocatorCandidates.add(path);
        }
    }

    /** Whether the walk still needs to test this body's calls: not outside bodies, and not once one carries ownership. */
    boolean testsCalls() {
        return !discarding && !ownershipCall;
    }

    void markOwnershipCall() {
        if (!discarding) {
            ownershipCall = true;
        }
    }

    /**
     * The identifiers and member selects whose name is that of a global page allocator
     * ({@code INSTANCE} and its sibling modes), in source order; what each refers to is for the rule to ask.
     *
     * @return paths to the candidates
     */
    public List<TreePath> globalAllocatorCandidates() {
        return Collections.unmodifiableList(globalAllocatorCandidates);
    }

    /**
     * Whether some method invocation or {@code new} expression of the body carries ownership (returns,
     * makes or takes an owned value), as the collector's call test judged it. A collector made without a
     * test counts every body that has a call, so that what reads this analyses those bodies in full.
     *
     * @return false when no call of the body carries ownership
     */
    public boolean callsCarryOwnership() {
        return ownershipCall;
    }
}
