package org.allocdiscipline.processor.flow;

import java.util.List;

/**
 * The fixpoint of a {@link ForwardAnalysis}: a state before and after each reachable node.
 *
 * @param <S> the abstract state
 */
public final class DataflowResult<S> {
    private final List<S> before;
    private final List<S> after;
    private final boolean converged;
    private final int transfers;

    DataflowResult(List<S> before, List<S> after, boolean converged, int transfers) {
        this.before = before;
        this.after = after;
        this.converged = converged;
        this.transfers = transfers;
    }

    /**
     * The joined state on entry to a node.
     *
     * @param node a node of the analysed graph
     * @return the state, or {@code null} if no path reaches the node
     */
    public S before(CfgNode node) {
        return before.get(node.id());
    }

    /**
     * The state after a node completed normally.
     *
     * @param node a node of the analysed graph
     * @return the state, or {@code null} if no path reaches the node
     */
    public S after(CfgNode node) {
        return after.get(node.id());
    }

    /**
     * Whether the iteration reached a fixpoint within its step limit. It always does for
     * monotone analyses over finite-height lattices; {@code false} means the states are not sound.
     *
     * @return true if converged
     */
    public boolean converged() {
        return converged;
    }

    /**
     * How many times a transfer function ran; a measure of the solver's work.
     *
     * @return the number of transfers
     */
    public int transfers() {
        return transfers;
    }
}
