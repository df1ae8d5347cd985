package org.allocdiscipline.processor.flow;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * Solves forward analyses with a worklist ordered by reverse postorder: the pending node that
 * comes first in that order is always processed next, so an acyclic graph needs one transfer
 * per node, loops are iterated from their head, and the result never depends on hashing.
 */
public final class ForwardDataflow {
    private static final int MIN_STEP_LIMIT = 10_000;
    private static final int STEPS_PER_NODE = 64;

    private ForwardDataflow() {
    }

    /**
     * Runs an analysis to its fixpoint.
     *
     * @param cfg      the graph
     * @param analysis the analysis
     * @param <S>      the abstract state
     * @return the states before and after every reachable node
     */
    public static <S> DataflowResult<S> solve(Cfg cfg, ForwardAnalysis<S> analysis) {
        int size = cfg.nodes().size();
        List<S> before = new ArrayList<>(Collections.nCopies(size, null));
        List<S> after = new ArrayList<>(Collections.nCopies(size, null));
        int[] order = cfg.reversePostOrder();
        int[] position = new int[size];
        for (int i = 0; i < order.length; i++) {
            position[order[i]] = i;
        }
        BitSet pending = new BitSet(order.length);
        CfgNode entry = cfg.entry();
        before.set(entry.id(), analysis.entryState(cfg));
        pending.set(position[entry.id()]);
        long limit = Math.max(MIN_STEP_LIMIT, (long) STEPS_PER_NODE * size);
        int transfers = 0;
        for (int next = pending.nextSetBit(0); next >= 0; next = pending.nextSetBit(0)) {
            if (transfers >= limit) {
                return new DataflowResult<>(before, after, false, transfers);
            }
            pending.clear(next);
            CfgNode node = cfg.nodes().get(order[next]);
            S in = before.get(node.id());
            S out = analysis.transfer(node, in);
            transfers++;
            after.set(node.id(), out);
            for (CfgEdge edge : node.successors()) {
                S flowing = analysis.propagate(edge, in, out);
                if (flowing == null) {
                    continue;
                }
                int target = edge.target().id();
                S old = before.get(target);
                S joined = old == null ? flowing : analysis.join(old, flowing);
                // A join that adds nothing gives back the state it was given, so identity settles most checks.
                if (joined != old && !joined.equals(old)) {
                    before.set(target, joined);
                    pending.set(position[target]);
                }
            }
        }
        return new DataflowResult<>(before, after, true, transfers);
    }
}
