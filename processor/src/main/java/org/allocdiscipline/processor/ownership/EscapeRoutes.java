package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import org.allocdiscipline.processor.ffm.ForeignTypes;
import org.allocdiscipline.processor.ffm.ThreadHops;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.model.ApiModel;
import org.allocdiscipline.processor.ownership.SegmentEscape.Route;

/**
 * Where a value leaves a body, or is kept by something that outlives the statement that stores it: a
 * {@code return}'s value; the value stored into a field, or into an element of an array that is a field or a
 * parameter; and code (a lambda, method reference or anonymous class) handed to another thread by a call
 * whose result nobody keeps to wait for it ({@code pool.submit(task);}, {@code new Thread(task).start();},
 * {@code CompletableFuture.runAsync(task);}). A call that waits ({@code pool.submit(task).get()}) or whose
 * future or thread is kept in a variable is not followed, nor is code handed to any other method: a
 * sequential stream's operations and {@code forEach} run in place.
 */
final class EscapeRoutes {
    /**
     * One value that leaves at a node.
     *
     * @param value the expression whose value leaves
     * @param route how it leaves
     * @param target what a store writes into ({@link Route#FIELD}, {@link Route#ARRAY_ELEMENT}), else null
     * @param runner the call that runs handed-over code ({@link Route#OTHER_THREAD}), else null
     */
    record Outlet(TreePath value, Route route, Tree target, String runner) {
        /** The lambda, method reference or anonymous class that leaves, or null when the value is no code. */
        Tree code() {
            return isCode(value.getLeaf()) ? value.getLeaf() : null;
        }
    }

    private final Trees trees;
    private final ForeignTypes foreign;

    EscapeRoutes(Trees trees, ForeignTypes foreign) {
        this.trees = trees;
        this.foreign = foreign;
    }

    /** The values that leave at a node, in operand order. */
    List<Outlet> at(CfgNode node) {
        return switch (node.kind()) {
            case RETURN -> node.value() == null ? List.of() : List.of(new Outlet(node.value(), Route.RETURNED, null, null));
            case ASSIGNMENT -> stored(node);
            case INVOCATION, NEW_CLASS -> handedToAnotherThread(node);
            default -> List.of();
        };
    }

    private List<Outlet> stored(CfgNode node) {
        if (!(node.tree() instanceof AssignmentTree)) {
            return List.of();
        }
        TreePath target = node.target();
        Element element = trees.getElement(target);
        if (element != null && element.getKind() == ElementKind.FIELD) {
            return List.of(new Outlet(node.value(), Route.FIELD, target.getLeaf(), null));
        }
        if (target.getLeaf() instanceof ArrayAccessTree access) {
            // An array the caller or another object can reach: a field's, or one the caller passed in.
            ExpressionTree array = OwnershipTrees.skipParens(access.getExpression());
            Element arrayElement = trees.getElement(new TreePath(target, array));
            if (arrayElement != null && (arrayElement.getKind() == ElementKind.FIELD
                    || arrayElement.getKind() == ElementKind.PARAMETER)) {
                return List.of(new Outlet(node.value(), Route.ARRAY_ELEMENT, target.getLeaf(), null));
            }
        }
        return List.of();
    }

    private List<Outlet> handedToAnotherThread(CfgNode node) {
        if (!(trees.getElement(node.path()) instanceof ExecutableElement method)
                || !ApiModel.runsOnAnotherThread(method, foreign.ownerIsA(method))) {
            return List.of();
        }
        // A new thread (or a factory's, or an unstarted builder's) runs nothing until it is started.
        boolean startsAtOnce = method.getKind() != ElementKind.CONSTRUCTOR
                && !method.getSimpleName().contentEquals("newThread") && !method.getSimpleName().contentEquals("unstarted");
        boolean leftRunning = startsAtOnce ? isStatement(node.use().user()) : startedAtOnce(node);
        if (!leftRunning) {
            return List.of();
        }
        String runner = method.getKind() == ElementKind.CONSTRUCTOR
                ? "new " + ((NewClassTree) node.tree()).getIdentifier() + "(...)" : ThreadHops.runnerName(method);
        List<Outlet> outlets = new ArrayList<>();
        for (TreePath operand : node.operands()) {
            if (isCode(operand.getLeaf())) {
                outlets.add(new Outlet(operand, Route.OTHER_THREAD, null, runner));
            }
        }
        if (node.tree() instanceof NewClassTree creation && creation.getClassBody() != null) {
            // An anonymous subclass of Thread is itself the code that runs.
            outlets.add(new Outlet(node.path(), Route.OTHER_THREAD, null, runner));
        }
        return outlets;
    }

    /** Whether a thread that an expression makes is started at once and left running: {@code new Thread(task).start();}. */
    private static boolean startedAtOnce(CfgNode thread) {
        TreePath user = thread.use().user();
        // start() returns nothing, so its call can only be a statement of its own or a lambda's body.
        return user.getLeaf() instanceof MemberSelectTree select && select.getIdentifier().contentEquals("start")
                && user.getParentPath().getLeaf() instanceof MethodInvocationTree
                && isStatement(user.getParentPath().getParentPath());
    }

    /** Whether a value goes to an expression statement: nobody keeps it. */
    private static boolean isStatement(TreePath user) {
        return user.getLeaf().getKind() == Tree.Kind.EXPRESSION_STATEMENT;
    }

    private static boolean isCode(Tree tree) {
        return tree instanceof LambdaExpressionTree || tree instanceof MemberReferenceTree
                || tree instanceof NewClassTree creation && creation.getClassBody() != null;
    }
}
