package org.allocdiscipline.processor.flow;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * One step of a {@link Cfg}. A tree inside a {@code finally} block that the builder copied for
 * several continuations has one node per copy, each with the same tree.
 */
public final class CfgNode {
    private final int id;
    private final NodeKind kind;
    private final TreePath path;
    private final TypeMirror exceptionType;
    private final List<CfgEdge> successors = new ArrayList<>(2);
    private final List<CfgEdge> predecessors = new ArrayList<>(2);

    CfgNode(int id, NodeKind kind, TreePath path, TypeMirror exceptionType) {
        this.id = id;
        this.kind = kind;
        this.path = path;
        this.exceptionType = exceptionType;
    }

    /**
     * The position of this node in creation order, unique within its graph.
     *
     * @return the node's id
     */
    public int id() {
        return id;
    }

    /**
     * What happens at this node.
     *
     * @return the node's kind
     */
    public NodeKind kind() {
        return kind;
    }

    /**
     * The tree this node evaluates; for an exit, the tree that caused it (the {@code return},
     * the throwing call or {@code throw}, or the body when control falls off its end).
     *
     * @return the tree
     */
    public Tree tree() {
        return path.getLeaf();
    }

    /**
     * The path from the compilation unit to {@link #tree()}, built while the graph was built.
     *
     * @return the tree path
     */
    public TreePath path() {
        return path;
    }

    /**
     * The exception that leaves the body at an {@link NodeKind#EXCEPTIONAL_EXIT}.
     *
     * @return the exception type, or {@code null} for any other kind
     */
    public TypeMirror exceptionType() {
        return exceptionType;
    }

    /**
     * Whether this node is an exit of the body.
     *
     * @return true for normal and exceptional exits
     */
    public boolean isExit() {
        return kind == NodeKind.NORMAL_EXIT || kind == NodeKind.EXCEPTIONAL_EXIT;
    }

    /**
     * Whether this normal exit is control falling off the end of the body rather than a
     * {@code return}.
     *
     * @return true for a fall-off-the-end exit
     */
    public boolean isFallOffExit() {
        return kind == NodeKind.NORMAL_EXIT && tree().getKind() != Tree.Kind.RETURN;
    }

    /**
     * The edges leaving this node, in the order the builder created them.
     *
     * @return an unmodifiable view of the outgoing edges
     */
    public List<CfgEdge> successors() {
        return Collections.unmodifiableList(successors);
    }

    /**
     * The edges entering this node.
     *
     * @return an unmodifiable view of the incoming edges
     */
    public List<CfgEdge> predecessors() {
        return Collections.unmodifiableList(predecessors);
    }

    void link(CfgNode target, EdgeKind edgeKind, TypeMirror exception) {
        for (CfgEdge existing : successors) {
            if (existing.target() == target && existing.kind() == edgeKind && existing.exceptionType() == exception) {
                return;
            }
        }
        CfgEdge edge = new CfgEdge(this, target, edgeKind, exception);
        successors.add(edge);
        target.predecessors.add(edge);
    }

    @Override
    public String toString() {
        return "#" + id + " " + kind + " " + CfgPrinter.shortText(tree());
    }
}
