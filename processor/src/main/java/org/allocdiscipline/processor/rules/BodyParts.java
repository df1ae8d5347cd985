package org.allocdiscipline.processor.rules;

import com.sun.source.tree.Tree;
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
    private final List<Tree> callsAndCreations = new ArrayList<>();

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

    void call(Tree tree) {
        if (!discarding) {
            callsAndCreations.add(tree);
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
     * Every method invocation and {@code new} expression, in source order.
     *
     * @return the calls and creations
     */
    public List<Tree> callsAndCreations() {
        return Collections.unmodifiableList(callsAndCreations);
    }
}
