package org.allocdiscipline.processor.ownership;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What each node's most recent transfer would report. The solver may transfer a node several
 * times before its state settles; only the last transfer counts, so starting a node forgets what
 * it logged before. Replaying in node order gives the findings in the order a separate pass over
 * the nodes would have produced them (the order matters: among leaks of equal rank the first wins).
 */
class FindingLog {
    /** Keeps nothing: for an analysis that only wants the states (the helpers of {@code close()}). */
    static final FindingLog DISCARD = new FindingLog(0) {
        @Override
        void startNode(int node) {
        }

        @Override
        void add(Consumer<Findings> finding) {
        }
    };

    private final List<List<Consumer<Findings>>> byNode;
    private int current = -1;

    FindingLog(int nodeCount) {
        byNode = new ArrayList<>(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            byNode.add(null);
        }
    }

    /** A transfer of this node begins: what its earlier transfers logged no longer holds. */
    void startNode(int node) {
        current = node;
        byNode.set(node, null);
    }

    /** Logs one finding of the current node's transfer. */
    void add(Consumer<Findings> finding) {
        List<Consumer<Findings>> entries = byNode.get(current);
        if (entries == null) {
            entries = new ArrayList<>(2);
            byNode.set(current, entries);
        }
        entries.add(finding);
    }

    /** Hands every logged finding to the sink, node by node in id order. */
    void replay(Findings sink) {
        for (List<Consumer<Findings>> entries : byNode) {
            if (entries != null) {
                for (Consumer<Findings> finding : entries) {
                    finding.accept(sink);
                }
            }
        }
    }
}
