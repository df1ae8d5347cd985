package org.allocdiscipline.processor.rules.api;

import com.sun.source.util.TreePath;
import java.util.List;

/**
 * What the body collector noticed in one body on its single walk over the class, so that rules need
 * not walk the body again to find it. Nested lambdas and classes are bodies of their own: their parts
 * are not in here.
 */
public interface BodyParts {
    /**
     * The identifiers and member selects whose name is that of a global page allocator
     * ({@code INSTANCE} and its sibling modes) or of a factory of an arena that hides its policy
     * ({@code ofAuto}, {@code global}) or is confined ({@code ofConfined}), in source order; what each
     * refers to is for the rule to ask.
     *
     * @return paths to the candidates
     */
    List<TreePath> globalAllocatorCandidates();

    /**
     * Whether some method invocation or {@code new} expression of the body carries ownership (returns,
     * makes or takes an owned value), as the collector's call test judged it. A collector made without a
     * test counts every body that has a call, so that what reads this analyses those bodies in full.
     *
     * @return false when no call of the body carries ownership
     */
    boolean callsCarryOwnership();

    /**
     * Whether the body holds a lambda, a method reference, or a class declaration (anonymous or local):
     * code that may run elsewhere, such as on another thread. Without one, nothing of the body can be.
     *
     * @return false when the body holds no such code
     */
    boolean holdsNestedCode();
}
