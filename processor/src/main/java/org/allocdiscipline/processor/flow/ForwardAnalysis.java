package org.allocdiscipline.processor.flow;

/**
 * A forward dataflow analysis over a {@link Cfg}, solved by {@link ForwardDataflow}.
 *
 * <p>States must be immutable values with {@code equals} that decides when a fixpoint is
 * reached, and {@link #join} must be monotone over a lattice of finite height, so that the
 * iteration terminates on loops.
 *
 * @param <S> the abstract state
 */
public interface ForwardAnalysis<S> {

    /**
     * The state when the body is entered.
     *
     * @param cfg the graph being analysed
     * @return the entry state
     */
    S entryState(Cfg cfg);

    /**
     * The least upper bound of two states that meet at a node.
     *
     * @param a one state
     * @param b another state
     * @return their join
     */
    S join(S a, S b);

    /**
     * The state after a node completes normally.
     *
     * @param node   the node
     * @param before the state before it
     * @return the state after it
     */
    S transfer(CfgNode node, S before);

    /**
     * The state carried along one outgoing edge. By default an {@link EdgeKind#EXCEPTION}
     * edge carries the state before the node, since a node that throws has not completed,
     * and every other edge carries the state after it. Override to refine along
     * {@link EdgeKind#TRUE}/{@link EdgeKind#FALSE} edges of conditions (null guards) or per
     * exception type.
     *
     * @param edge   the edge
     * @param before the state before the edge's source
     * @param after  the state after the source completed normally
     * @return the state that flows into the edge's target, or {@code null} when the analysis knows that
     *         no execution takes the edge from here (a branch that the state rules out)
     */
    default S propagate(CfgEdge edge, S before, S after) {
        return edge.kind() == EdgeKind.EXCEPTION ? before : after;
    }
}
