package org.allocdiscipline.processor.flow;

import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The intraprocedural control-flow graph of one body: a method, a lambda, or an initializer.
 * Nodes are listed in creation order; queries about flow consider only what is reachable.
 */
public final class Cfg {
    private final TreePath body;
    private final List<CfgNode> nodes;
    private final CfgNode entry;
    // Both are computed on first use: the ownership analysis needs neither the index nor a
    // reachability pass of its own (the reverse postorder visits exactly the reachable nodes).
    private Map<Tree, List<CfgNode>> byTree;
    private BitSet reachable;
    private int[] reversePostOrder;
    private final Map<Tree, List<TreePath>> declarations = new IdentityHashMap<>();

    Cfg(TreePath body, List<CfgNode> nodes, CfgNode entry) {
        this.body = body;
        this.nodes = Collections.unmodifiableList(nodes);
        this.entry = entry;
    }

    /**
     * The path to the method, lambda or initializer block this graph describes.
     *
     * @return the body's path
     */
    public TreePath body() {
        return body;
    }

    /**
     * The entry node.
     *
     * @return the entry
     */
    public CfgNode entry() {
        return entry;
    }

    /**
     * Every node, reachable or not, in creation order.
     *
     * @return an unmodifiable list indexed by {@link CfgNode#id()}
     */
    public List<CfgNode> nodes() {
        return nodes;
    }

    /**
     * The reachable normal exits: one per reachable {@code return}, and one for falling off the end.
     *
     * @return the normal exits in creation order
     */
    public List<CfgNode> normalExits() {
        return reachableOfKind(NodeKind.NORMAL_EXIT);
    }

    /**
     * The reachable exceptional exits: one per throwing tree and exception type.
     *
     * @return the exceptional exits in creation order
     */
    public List<CfgNode> exceptionalExits() {
        return reachableOfKind(NodeKind.EXCEPTIONAL_EXIT);
    }

    /**
     * The nodes that evaluate a tree (several when a {@code finally} block was copied).
     * Exits are not included.
     *
     * @param tree a tree of this body
     * @return its nodes, possibly empty
     */
    public List<CfgNode> nodesFor(Tree tree) {
        if (byTree == null) {
            byTree = new IdentityHashMap<>();
            for (CfgNode node : nodes) {
                if (!node.isExit()) {
                    byTree.computeIfAbsent(node.tree(), t -> new ArrayList<>(1)).add(node);
                }
            }
        }
        return byTree.getOrDefault(tree, List.of());
    }

    /**
     * The local variables declared inside a statement of this body (locals, loop variables,
     * resources, catch parameters, pattern bindings; not those of lambdas and classes inside it),
     * which die when control leaves the statement: an iteration of a loop ends, or a {@code break}
     * leaves it. Found once per statement.
     *
     * @param statement path to a statement of this body
     * @return paths to the declarations, in source order
     */
    public List<TreePath> declarationsIn(TreePath statement) {
        return declarations.computeIfAbsent(statement.getLeaf(), leaf -> {
            List<TreePath> found = new ArrayList<>();
            new BodyScanner<Void, Void>() {
                @Override
                public Void visitVariable(VariableTree variable, Void unused) {
                    found.add(getCurrentPath());
                    return super.visitVariable(variable, unused);
                }
            }.scan(statement, null);
            return List.copyOf(found);
        });
    }

    /**
     * Whether control can reach a node from the entry.
     *
     * @param node a node of this graph
     * @return true if reachable
     */
    public boolean isReachable(CfgNode node) {
        return reachable().get(node.id());
    }

    /**
     * The reachable nodes that satisfy a predicate.
     *
     * @param filter the predicate
     * @return matching nodes in creation order
     */
    public List<CfgNode> reachableNodes(Predicate<CfgNode> filter) {
        List<CfgNode> result = new ArrayList<>();
        BitSet reachable = reachable();
        for (int i = reachable.nextSetBit(0); i >= 0; i = reachable.nextSetBit(i + 1)) {
            if (filter.test(nodes.get(i))) {
                result.add(nodes.get(i));
            }
        }
        return result;
    }

    /**
     * The nodes reachable from a node (including itself) along any edges.
     *
     * @param start where to start
     * @return the ids of the reachable nodes
     */
    public BitSet reachableFrom(CfgNode start) {
        return reachableAvoiding(start, n -> false);
    }

    /**
     * The nodes reachable from a node without passing through nodes that match a predicate.
     * A matching start node is still left through its edges.
     *
     * @param start where to start
     * @param avoid nodes that block the search
     * @return the ids of the reachable nodes, never including blocked ones other than the start
     */
    public BitSet reachableAvoiding(CfgNode start, Predicate<CfgNode> avoid) {
        BitSet seen = new BitSet(nodes.size());
        Deque<CfgNode> work = new ArrayDeque<>();
        seen.set(start.id());
        work.push(start);
        while (!work.isEmpty()) {
            for (CfgEdge edge : work.pop().successors()) {
                CfgNode next = edge.target();
                if (!seen.get(next.id()) && !avoid.test(next)) {
                    seen.set(next.id());
                    work.push(next);
                }
            }
        }
        return seen;
    }

    /**
     * The reachable nodes in reverse postorder of a depth-first search from the entry, which
     * visits a node before its successors except along back edges.
     *
     * @return node ids in reverse postorder
     */
    public int[] reversePostOrder() {
        if (reversePostOrder == null) {
            reversePostOrder = computeReversePostOrder();
        }
        return reversePostOrder.clone();
    }

    private int[] computeReversePostOrder() {
        int[] order = new int[nodes.size()];
        int next = order.length;
        BitSet visited = new BitSet(nodes.size());
        // Iterative DFS: frame i holds a node and the index of its next successor to explore.
        // A node is pushed at most once, so the stack never outgrows the node count.
        int[] stackNodes = new int[nodes.size()];
        int[] stackNext = new int[nodes.size()];
        int top = 0;
        visited.set(entry.id());
        stackNodes[0] = entry.id();
        while (top >= 0) {
            int node = stackNodes[top];
            List<CfgEdge> out = nodes.get(node).successors();
            if (stackNext[top] < out.size()) {
                int target = out.get(stackNext[top]++).target().id();
                if (!visited.get(target)) {
                    visited.set(target);
                    top++;
                    stackNodes[top] = target;
                    stackNext[top] = 0;
                }
            } else {
                top--;
                order[--next] = node;
            }
        }
        if (reachable == null) {
            reachable = visited;
        }
        return Arrays.copyOfRange(order, next, order.length);
    }

    /** The nodes reachable from the entry: the ones the depth-first search of the reverse postorder visits. */
    private BitSet reachable() {
        if (reachable == null) {
            reversePostOrder();
        }
        return reachable;
    }

    private List<CfgNode> reachableOfKind(NodeKind kind) {
        return reachableNodes(n -> n.kind() == kind);
    }

    @Override
    public String toString() {
        return CfgPrinter.print(this, null);
    }
}
