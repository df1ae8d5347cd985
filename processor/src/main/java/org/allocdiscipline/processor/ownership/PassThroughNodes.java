package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PatternCaseLabelTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.BitSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import org.allocdiscipline.processor.flow.Cfg;
import org.allocdiscipline.processor.flow.CfgEdge;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.EdgeKind;
import org.allocdiscipline.processor.flow.JumpTarget;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * The nodes of a graph that {@link OwnershipTransfer} leaves every state unchanged at, whatever it holds,
 * so that the solver passes the state through them: reads of constants, of fields and of locals that
 * never hold an owned value ({@link HoldingLocals}), operators whose operands make no value, statements
 * that move no value. Most nodes of a body are
 * such reads. Found from the trees alone, once per graph; two groups depend on the solve: reads of fields,
 * which close() checks when the class owns fields, and returns of a value, which a body that hands its
 * result on releases.
 *
 * <p>A node with a {@code true} or {@code false} edge is never one of them: a branch may refine the state.
 * Nor is a {@code new} or a resource's close, nor a call of a summarised method, whose exception edges may
 * carry a different state. Other calls are found here as far as the trees tell ({@link #plainCalls}); the
 * transfer decides the rest per solve, from the signatures it reads.
 */
final class PassThroughNodes {
    /** Nodes that pass every state through in every solve. */
    private final BitSet always = new BitSet();
    /** Reads of a field (by simple name or through {@code this}), which pass through when no field is owned. */
    private final BitSet fieldReads = new BitSet();
    /** Returns of a value, which pass through when the body hands no result on. */
    private final BitSet valueReturns = new BitSet();

    /**
     * Calls that move no value whatever the state, unless the called method's signature or summary, the
     * collection they may store into, or the helper they may be says otherwise in a solve.
     */
    private final BitSet plainCalls = new BitSet();
    /** The locals that may hold an owned value: reading any other checks nothing. */
    private final HoldingLocals holding;
    private final OwnershipAnnotations annotations;

    private PassThroughNodes(Trees trees, OwnershipAnnotations annotations, Cfg graph) {
        this.annotations = annotations;
        this.holding = HoldingLocals.of(trees, graph);
        for (CfgNode node : graph.nodes()) {
            if (!branches(node)) {
                classify(trees, node);
            }
        }
    }

    /** The groups of a graph, found on the first request and kept with the graph. */
    static PassThroughNodes of(Trees trees, OwnershipAnnotations annotations, Cfg graph) {
        return graph.fact(PassThroughNodes.class, g -> new PassThroughNodes(trees, annotations, g));
    }

    /**
     * The calls that pass the state through unless what the solve knows of the called method says otherwise.
     *
     * @return the ids of the calls; the caller must not change the set
     */
    BitSet plainCalls() {
        return plainCalls;
    }

    /**
     * The nodes that pass the state through in one solve.
     *
     * @param ownsFields whether the solve tracks fields of the class (in close(), or for a summary)
     * @param handsOnResult whether the body's returns hand their value on
     */
    BitSet in(boolean ownsFields, boolean handsOnResult) {
        BitSet through = (BitSet) always.clone();
        if (!ownsFields) {
            through.or(fieldReads);
        }
        if (!handsOnResult) {
            through.or(valueReturns);
        }
        return through;
    }

    private static boolean branches(CfgNode node) {
        for (CfgEdge edge : node.successors()) {
            if (edge.kind() == EdgeKind.TRUE || edge.kind() == EdgeKind.FALSE) {
                return true;
            }
        }
        return false;
    }

    private void classify(Trees trees, CfgNode node) {
        switch (node.kind()) {
            case ENTRY, THROW, SWITCH, CATCH, ASSERT, MONITOR -> always.set(node.id());
            case EVAL -> evaluation(trees, node);
            case INVOCATION -> {
                if (isPlainCall(trees, node)) {
                    plainCalls.set(node.id());
                }
            }
            case RETURN -> (node.value() == null ? always : valueReturns).set(node.id());
            case CASE -> {
                if (node.value() == null || !bindsPattern((CaseTree) node.tree())) {
                    always.set(node.id());
                }
            }
            case JUMP -> {
                JumpTarget target = node.jumpTarget();
                if (!(node.tree() instanceof BreakTree) || target == null || target.throughFinally()
                        || target.statement() == null) {
                    always.set(node.id());
                }
            }
            case OPAQUE -> {
                if (!(node.tree() instanceof LambdaExpressionTree)) {
                    always.set(node.id());
                }
            }
            default -> {
                // Parameters, calls, declarations, stores, loop heads, closes and exits act on the state.
            }
        }
    }

    /** Mirrors {@code OwnershipTransfer.evaluation}: what it checks, and what it drops. */
    private void evaluation(Trees trees, CfgNode node) {
        Tree tree = node.tree();
        if (tree instanceof MemberReferenceTree) {
            return;
        }
        if (tree instanceof IdentifierTree) {
            Element element = trees.getElement(node.path());
            if (element == null || OwnershipTrees.isLocal(element) && !holding.holds(element)) {
                always.set(node.id());
            } else if (!OwnershipTrees.isLocal(element)) {
                fieldReads.set(node.id());
            }
            return;
        }
        boolean reads = tree instanceof BinaryTree || tree instanceof UnaryTree || tree instanceof InstanceOfTree
                || tree instanceof MemberSelectTree;
        if (reads) {
            for (TreePath operand : node.operands()) {
                if (mayMakeValue(operand.getLeaf())) {
                    return;
                }
            }
        }
        boolean ownField = tree instanceof MemberSelectTree select && OwnershipTrees.isOwnFieldAccess(select);
        (ownField ? fieldReads : always).set(node.id());
    }

    /**
     * Mirrors {@code OwnershipTransfer.invocation} for what does not depend on the solve: a call that closes
     * or frees nothing, registers no cleaner, allocates no segment and binds none to an arena, whose receiver
     * and arguments make no value for it to drop, and that lends an unread method no value.
     */
    private boolean isPlainCall(Trees trees, CfgNode node) {
        if (!(node.tree() instanceof MethodInvocationTree call) || OwnershipTrees.isCloseCall(call)
                || !(trees.getElement(node.path()) instanceof ExecutableElement method)
                || ApiModel.isFree(method) || ApiModel.isCleanerRegistration(method)
                || annotations.isSegmentAllocation(method) || ApiModel.arenaParameter(method) >= 0
                || node.receiver() != null && mayMakeValue(node.receiver().getLeaf())) {
            return false;
        }
        // A method outside the JDK that has no summary is lent what its arguments hold.
        boolean lends = !annotations.isJdkMethod(method);
        for (TreePath argument : node.operands()) {
            if (mayMakeValue(argument.getLeaf()) || lends && holding.mayHold(argument)) {
                return false;
            }
        }
        return true;
    }

    /** Whether an operand may be a value made right there, which the operator drops: a call or a {@code new}. */
    private static boolean mayMakeValue(Tree operand) {
        return switch (operand) {
            case ParenthesizedTree parens -> mayMakeValue(parens.getExpression());
            case TypeCastTree cast -> mayMakeValue(cast.getExpression());
            case ConditionalExpressionTree conditional ->
                    mayMakeValue(conditional.getTrueExpression()) || mayMakeValue(conditional.getFalseExpression());
            default -> operand.getKind() == Tree.Kind.METHOD_INVOCATION || operand.getKind() == Tree.Kind.NEW_CLASS;
        };
    }

    private static boolean bindsPattern(CaseTree tree) {
        return tree.getLabels().stream().anyMatch(label -> label instanceof PatternCaseLabelTree pattern
                && pattern.getPattern() instanceof BindingPatternTree);
    }
}
