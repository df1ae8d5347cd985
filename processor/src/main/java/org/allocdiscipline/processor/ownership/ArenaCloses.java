package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import org.allocdiscipline.processor.flow.CfgEdge;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.DataflowResult;
import org.allocdiscipline.processor.flow.NodeKind;

/**
 * Whether every path from a node closes a given arena (or other region) before the body ends, read from
 * the solved states of one body: a {@code close()} on it or the implicit close of a try-with-resources
 * whose resource it is. A path that ends without one (the arena is handed on, kept, leaked, or released by
 * a helper) means no.
 */
final class ArenaCloses {
    private final OwnershipTransfer transfer;
    private final DataflowResult<OwnershipState> states;
    private final SourcePositions positions;
    private final CompilationUnitTree unit;

    ArenaCloses(OwnershipTransfer transfer, DataflowResult<OwnershipState> states, SourcePositions positions,
                CompilationUnitTree unit) {
        this.transfer = transfer;
        this.states = states;
        this.positions = positions;
        this.unit = unit;
    }

    /**
     * The close that every path leaving {@code from} reaches before the body ends: the {@code close()} call,
     * or the block of the try-with-resources that closes the arena at its end; the first in the source when
     * paths close it in different places.
     *
     * @param from the node after which the paths start
     * @param arena the arena's site
     * @return the close, or null when some path ends without one, or no path leaves {@code from}
     */
    Tree onEveryPathAfter(CfgNode from, Site arena) {
        BitSet seen = new BitSet();
        Deque<CfgNode> work = new ArrayDeque<>();
        successors(from, work);
        Tree first = null;
        while (!work.isEmpty()) {
            CfgNode node = work.pop();
            if (seen.get(node.id())) {
                continue;
            }
            seen.set(node.id());
            OwnershipState in = states.before(node);
            if (in == null) {
                continue;
            }
            LocalFact closed = transfer.closedBy(node, in);
            if (closed != null && closed.sites().contains(arena)) {
                first = earlier(first, where(node));
            } else if (node.isExit()) {
                return null;
            } else {
                successors(node, work);
            }
        }
        return first;
    }

    private static void successors(CfgNode node, Deque<CfgNode> work) {
        for (CfgEdge edge : node.successors()) {
            work.push(edge.target());
        }
    }

    /** Where a close happens for the reader: the call, or the block at whose end the resource is closed. */
    private static Tree where(CfgNode close) {
        if (close.kind() == NodeKind.RESOURCE_CLOSE) {
            TreePath statement = close.path().getParentPath();
            if (statement != null && statement.getLeaf() instanceof TryTree tryStatement) {
                return tryStatement.getBlock();
            }
        }
        return close.tree();
    }

    private Tree earlier(Tree known, Tree other) {
        if (known == null) {
            return other;
        }
        return start(other) < start(known) ? other : known;
    }

    private long start(Tree tree) {
        return positions.getStartPosition(unit, tree);
    }
}
