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
 *
 * <p>Besides its tree, a node carries what it acts on as the builder resolved it, so that no analysis
 * needs to take the tree apart again: its {@linkplain #receiver() receiver}, {@linkplain #operands()
 * operands}, {@linkplain #target() target} and {@linkplain #value() value}, and where a jump
 * {@linkplain #jumpTarget() goes}. Each is a path with its true parents, from the compilation unit
 * through every enclosing tree, with the parentheses around the expression itself stepped over.
 */
public final class CfgNode {
    private final int id;
    private final NodeKind kind;
    private final TreePath path;
    private final TypeMirror exceptionType;
    private final List<CfgEdge> successors = new ArrayList<>(2);
    private final List<CfgEdge> predecessors = new ArrayList<>(2);
    // What the node acts on; set once by the builder, right after it made the node.
    private TreePath receiver;
    private List<TreePath> operands = List.of();
    private TreePath target;
    private TreePath value;
    private JumpTarget jumpTarget;
    // Where the node's value goes; found once, on first use.
    private ValueUse use;

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
     * The object a method is called on: for {@link NodeKind#INVOCATION} of {@code receiver.name(...)},
     * the expression before the dot, or the type or package name of a static call.
     *
     * @return the receiver's path, or {@code null} for an unqualified call and any other kind
     */
    public TreePath receiver() {
        return receiver;
    }

    /**
     * The expressions whose values this node uses, in evaluation order: for {@link NodeKind#INVOCATION}
     * and {@link NodeKind#NEW_CLASS}, the arguments; for {@link NodeKind#EVAL}, the operands of a
     * unary or binary operator (conditional ones included), the expression a cast or {@code instanceof}
     * applies to, the object of a field access or method reference when it is an expression, the
     * array and index of an array access, the two results of {@code ?:}, the dimensions and elements
     * of a new array, and each result of a {@code switch} expression (arrow expressions and
     * {@code yield} values).
     *
     * @return the operands' paths, possibly empty
     */
    public List<TreePath> operands() {
        return operands;
    }

    /**
     * What an {@link NodeKind#ASSIGNMENT} (simple or compound) stores into: a variable, a field or
     * an array element.
     *
     * @return the target's path, or {@code null} for any other kind
     */
    public TreePath target() {
        return target;
    }

    /**
     * The one value this node takes: the right side of an {@link NodeKind#ASSIGNMENT}; the initializer
     * of a {@link NodeKind#VARIABLE}; the expression of a {@link NodeKind#RETURN}, and of the
     * {@link NodeKind#NORMAL_EXIT} it reaches (for an expression lambda's fall-off exit, the body);
     * the value of a {@code yield} ({@link NodeKind#JUMP}); the expression of a {@link NodeKind#THROW};
     * the selector of the {@code switch} whose {@link NodeKind#CASE} this is; and the resource that a
     * {@link NodeKind#RESOURCE_CLOSE} closes (its declaration, or the expression naming it).
     *
     * @return the value's path, or {@code null} when the node has none
     */
    public TreePath value() {
        return value;
    }

    /**
     * Where a {@link NodeKind#JUMP} goes.
     *
     * @return the target, or {@code null} for other kinds and for a jump with no target (erroneous code)
     */
    public JumpTarget jumpTarget() {
        return jumpTarget;
    }

    /**
     * Where the value of this node's expression goes: the tree that consumes it (past parentheses,
     * casts and conditional arms) and the operand through which it arrives.
     *
     * @return the use; for a statement node, its enclosing tree
     */
    public ValueUse use() {
        if (use == null) {
            use = ValueUse.of(path);
        }
        return use;
    }

    CfgNode receiver(TreePath receiver) {
        this.receiver = receiver;
        return this;
    }

    CfgNode operands(List<TreePath> operands) {
        // The builder passes unmodifiable lists (List.of), which this keeps without a copy.
        this.operands = List.copyOf(operands);
        return this;
    }

    CfgNode target(TreePath target) {
        this.target = target;
        return this;
    }

    CfgNode value(TreePath value) {
        this.value = value;
        return this;
    }

    CfgNode jumpTarget(JumpTarget jumpTarget) {
        this.jumpTarget = jumpTarget;
        return this;
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
