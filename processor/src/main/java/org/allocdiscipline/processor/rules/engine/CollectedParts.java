package org.allocdiscipline.processor.rules.engine;

import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.allocdiscipline.processor.rules.api.BodyParts;

/** The parts of one body as the collector's walk fills them in. */
final class CollectedParts implements BodyParts {
    /** Where a walk puts what it sees outside every body: keeps nothing. */
    static final CollectedParts NONE = new CollectedParts(true);

    private final boolean discarding;
    private final List<TreePath> globalAllocatorCandidates = new ArrayList<>();
    private boolean ownershipCall;
    private boolean nestedCode;
    // The calls that only their callees' summaries can tell about, tested once the walk is over.
    private List<TreePath> deferred = List.of();

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

    void defer(TreePath call) {
        if (!discarding) {
            if (deferred.isEmpty()) {
                deferred = new ArrayList<>();
            }
            deferred.add(call);
        }
    }

    /** Tests the deferred calls, until one carries ownership, unless the body already has such a call. */
    void testDeferred(Predicate<TreePath> carriesOwnership) {
        for (TreePath call : deferred) {
            if (ownershipCall) {
                break;
            }
            ownershipCall = carriesOwnership.test(call);
        }
        deferred = List.of();
    }

    void markNestedCode() {
        if (!discarding) {
            nestedCode = true;
        }
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
    public boolean holdsNestedCode() {
        return nestedCode;
    }

    @Override
    public boolean callsCarryOwnership() {
        return ownershipCall;
    }
}
