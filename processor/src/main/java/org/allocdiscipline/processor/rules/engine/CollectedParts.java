package org.allocdiscipline.processor.rules.engine;

import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.allocdiscipline.processor.rules.api.BodyParts;

/** The parts of one body as the collector's walk fills them in. */
final class CollectedParts implements BodyParts {
    /** Where a walk puts what it sees outside every body: keeps nothing. */
    static final CollectedParts NONE = new CollectedParts(true);

    private final boolean discarding;
    private final List<TreePath> globalAllocatorCandidates = new ArrayList<>();
    private boolean ownershipCall;

    CollectedParts() {
        this(false);
    }

    private CollectedParts(boolean discarding) {
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

    @Override
    public List<TreePath> globalAllocatorCandidates() {
        return Collections.unmodifiableList(globalAllocatorCandidates);
    }

    @Override
    public boolean callsCarryOwnership() {
        return ownershipCall;
    }
}
