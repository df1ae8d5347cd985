package org.allocdiscipline.processor.rules.api;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.allocdiscipline.processor.Options;
import org.allocdiscipline.processor.ffm.ArenaForwarding;
import org.allocdiscipline.processor.ffm.ForeignTypes;
import org.allocdiscipline.processor.flow.CfgOptions;
import org.allocdiscipline.processor.ownership.EffectRecorder;
import org.allocdiscipline.processor.ownership.Leak;
import org.allocdiscipline.processor.ownership.OwnershipAnalysis;
import org.allocdiscipline.processor.ownership.OwnershipFindings;

/**
 * Analyses that several rules read, computed once per body however many of those rules run. The
 * four ownership rules each word one kind of the {@link OwnershipFindings} of a body; the engine
 * runs once for the body, when the first of them asks, and its answer (or its failure) is kept
 * until the runner moves on to the next body. One instance serves one compilation; not thread-safe.
 */
public final class SharedAnalyses {
    private final Trees trees;
    private final Types types;
    private final Elements elements;
    private final CfgOptions cfgOptions;
    private final ArenaForwarding arenaForwarding;
    private OwnershipAnalysis ownership;
    private Tree memoKey;
    private OwnershipFindings memoFindings;
    private AnalysisFailedException memoFailure;
    private int analysedBodies;

    /**
     * Creates the analyses of one compilation. Nothing is computed until a rule asks.
     *
     * @param trees the compiler's tree utilities
     * @param types type utilities
     * @param elements element utilities
     * @param options the processor options; {@code uncheckedExceptions} shapes the control-flow graphs
     */
    public SharedAnalyses(Trees trees, Types types, Elements elements, Options options) {
        this.trees = trees;
        this.types = types;
        this.elements = elements;
        this.cfgOptions = CfgOptions.DEFAULT.withUncheckedExceptions(options.uncheckedExceptions());
        this.arenaForwarding = new ArenaForwarding(trees);
    }

    /**
     * The ownership findings of a body, computed on the first request for that body.
     *
     * @param body the body
     * @return what the ownership analysis found; {@link OwnershipFindings#complete()} is false if it gave up
     * @throws AnalysisFailedException if the analysis failed on this body (the same instance on every request)
     */
    public OwnershipFindings ownership(CodeBody body) {
        Tree key = body.declaration().getLeaf();
        if (memoKey != key) {
            memoKey = key;
            memoFindings = null;
            memoFailure = null;
            try {
                memoFindings = engine().analyze(body.declaration(), body.parts().callsCarryOwnership());
                analysedBodies++;
            } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
                memoFailure = new AnalysisFailedException(e);
            }
        }
        if (memoFailure != null) {
            throw memoFailure;
        }
        return memoFindings;
    }

    /**
     * Whether a method invocation or {@code new} carries ownership: the test the body collector puts to
     * every call, so that bodies without such a call are done without a second look. A call whose test
     * fails counts as carrying ownership: its body is then analysed in full, where the same failure is
     * reported as a note for that body.
     *
     * @param call path to the call; its parent may be any path of the class
     * @return false when the call certainly carries no ownership
     */
    public boolean carriesOwnership(TreePath call) {
        try {
            return engine().carriesOwnership(call);
        } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
            return true;
        }
    }

    /**
     * How a call may carry ownership, told without computing a summary (see
     * {@link OwnershipAnalysis#callOwnership}). A call whose test fails counts as carrying it, as in
     * {@link #carriesOwnership}.
     *
     * @param call path to the call; its parent may be any path of the class
     * @return the answer
     */
    public OwnershipAnalysis.CallOwnership callOwnership(TreePath call) {
        try {
            return engine().callOwnership(call);
        } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
            return OwnershipAnalysis.CallOwnership.CARRIES;
        }
    }

    /**
     * A recorder for a walk over a top-level class that the caller makes anyway (see
     * {@link OwnershipAnalysis#recordEffects}).
     *
     * @param classPath path to a top-level class
     * @return the recorder, or {@code null} when none is wanted or it cannot be made (the summaries then
     *     walk the class themselves)
     */
    public EffectRecorder recordEffects(TreePath classPath) {
        try {
            return engine().recordEffects(classPath);
        } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
            return null;
        }
    }

    /**
     * Whether a tree brings an owned value into its class (see {@link OwnershipAnalysis#bringsOwned}). A
     * tree whose test fails counts as bringing one: its class is then checked in full, where the same
     * failure is reported as a note.
     *
     * @param path path to a method, a field, a method invocation, a {@code new} or an assignment; its
     *     parent may be any path of the class
     * @return false when the tree certainly brings no owned value in
     */
    public boolean bringsOwned(TreePath path) {
        try {
            return engine().bringsOwned(path);
        } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
            return true;
        }
    }

    /**
     * Whether the ownership analysis was asked about this body and gave up on it (its fixpoint did not
     * converge), so the ownership rules report nothing there.
     *
     * @param body the body
     * @return true if the memoised result for this body is incomplete
     */
    public boolean gaveUpOn(CodeBody body) {
        return memoKey == body.declaration().getLeaf() && memoFindings != null && !memoFindings.complete();
    }

    /**
     * The {@code @Owned} fields of a class that has no {@code close()} method to release them.
     *
     * @param classPath the path to a class declaration
     * @return one leak per such field, in source order
     */
    public List<Leak> fieldsWithoutClose(TreePath classPath) {
        return engine().fieldsWithoutClose(classPath);
    }

    /**
     * How many bodies the ownership analysis was run on so far.
     *
     * @return the count
     */
    public int analysedBodies() {
        return analysedBodies;
    }

    /**
     * The subtype tests against the JDK's {@code java.lang.foreign} and concurrency types that the FFM rules
     * share: the ownership analysis's own, so that each answer is worked out once per compilation.
     *
     * @return the tests of this compilation
     */
    public ForeignTypes foreignTypes() {
        return engine().annotations().foreignTypes();
    }

    /**
     * Which methods of the compilation only forward an arena parameter to a call that gives it a
     * process-long job.
     *
     * @return the facts of this compilation
     */
    public ArenaForwarding arenaForwarding() {
        return arenaForwarding;
    }

    /**
     * Reads what the checks of later classes need of a class's declarations, while its trees are as
     * written: javac lowers a class once it is checked. Called for every top-level class, before any
     * screen.
     *
     * @param classPath path to a top-level class
     */
    public void readDeclarations(TreePath classPath) {
        arenaForwarding.read(classPath);
    }

    private OwnershipAnalysis engine() {
        if (ownership == null) {
            ownership = new OwnershipAnalysis(trees, types, elements, cfgOptions);
        }
        return ownership;
    }

    /**
     * The shared analysis failed on a body. Every rule that asks gets this same instance, so the runner
     * reports the failure once for the body rather than once per rule.
     */
    public static final class AnalysisFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AnalysisFailedException(Throwable cause) {
            super(cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
            setStackTrace(cause.getStackTrace());
        }
    }
}
