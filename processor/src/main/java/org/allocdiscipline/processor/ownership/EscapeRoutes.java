package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import org.allocdiscipline.processor.ffm.ForeignTypes;
import org.allocdiscipline.processor.ffm.ThreadHops;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.ValueUse;
import org.allocdiscipline.processor.model.ApiModel;
import org.allocdiscipline.processor.ownership.SegmentEscape.Route;

/**
 * Where a value leaves a body, or is kept by something that outlives the statement that stores it: a
 * {@code return}'s value; the value stored into a field, or into an element of an array that is a field or a
 * parameter ({@link OutlivingStores}); and code (a lambda, method reference or anonymous class, written in
 * place or held in a local, {@link CodeLocals}) handed to another thread by a call whose result nobody waits
 * for: left unkept ({@code pool.submit(task);}, {@code new Thread(task).start();},
 * {@code CompletableFuture.runAsync(task);}), or returned or stored where it outlives the body
 * ({@code return pool.submit(task);}, {@code this.worker = new Thread(task);}). A call that waits
 * ({@code pool.submit(task).get()}) or whose future or thread is kept in a local is not followed, nor is code
 * handed to any other method: a sequential stream's operations and {@code forEach} run in place.
 */
final class EscapeRoutes {
    /**
     * One value that leaves at a node.
     *
     * @param value the expression whose value leaves
     * @param route how it leaves
     * @param target what a store writes into ({@link Route#FIELD}, {@link Route#ARRAY_ELEMENT}), else null
     * @param code the lambda, method reference or anonymous class that leaves, when the value is code or a
     *     local that holds it; else null
     * @param runner the call that runs handed-over code ({@link Route#OTHER_THREAD}), else null
     */
    record Outlet(TreePath value, Route route, Tree target, TreePath code, SegmentEscape.Runner runner) {
    }

    private final Trees trees;
    private final ForeignTypes foreign;
    private final OutlivingStores stores;

    EscapeRoutes(Trees trees, ForeignTypes foreign) {
        this.trees = trees;
        this.foreign = foreign;
        this.stores = new OutlivingStores(trees);
    }

    /**
     * The values that leave at a node, in operand order.
     *
     * @param node a node of the body
     * @param code the body's locals that hold code
     */
    List<Outlet> at(CfgNode node, CodeLocals code) {
        return switch (node.kind()) {
            case RETURN -> node.value() == null ? List.of()
                    : List.of(new Outlet(node.value(), Route.RETURNED, null, code.codeOf(node.value()), null));
            case ASSIGNMENT -> stored(node, code);
            case INVOCATION, NEW_CLASS -> handedToAnotherThread(node, code);
            default -> List.of();
        };
    }

    private List<Outlet> stored(CfgNode node, CodeLocals code) {
        if (!(node.tree() instanceof AssignmentTree)) {
            return List.of();
        }
        Route route = stores.routeOf(node.target());
        return route == null ? List.of()
                : List.of(new Outlet(node.value(), route, node.target().getLeaf(), code.codeOf(node.value()), null));
    }

    private List<Outlet> handedToAnotherThread(CfgNode node, CodeLocals code) {
        if (!(trees.getElement(node.path()) instanceof ExecutableElement method)
                || !ApiModel.runsOnAnotherThread(method, foreign.ownerIsA(method))) {
            return List.of();
        }
        SegmentEscape.Runner runner = runner(node, method);
        if (runner == null) {
            return List.of();
        }
        List<Outlet> outlets = new ArrayList<>();
        for (TreePath operand : node.operands()) {
            TreePath handed = code.codeOf(operand);
            if (handed != null) {
                outlets.add(new Outlet(operand, Route.OTHER_THREAD, null, handed, runner));
            }
        }
        if (node.tree() instanceof NewClassTree creation && creation.getClassBody() != null) {
            // An anonymous subclass of Thread is itself the code that runs.
            outlets.add(new Outlet(node.path(), Route.OTHER_THREAD, null, node.path(), runner));
        }
        return outlets;
    }

    /**
     * The call as the runner of code that nobody waits for: its result left unkept (for a new thread, or a
     * factory's, or an unstarted builder's, which run nothing until started: started at once and left), or
     * returned, or stored where it outlives the body. Null when the result goes anywhere else.
     */
    private SegmentEscape.Runner runner(CfgNode node, ExecutableElement method) {
        boolean constructor = method.getKind() == ElementKind.CONSTRUCTOR;
        String call = constructor ? "new " + ((NewClassTree) node.tree()).getIdentifier() + "(...)" : ThreadHops.runnerName(method);
        boolean startsAtOnce = !constructor
                && !method.getSimpleName().contentEquals("newThread") && !method.getSimpleName().contentEquals("unstarted");
        ValueUse use = node.use();
        if (startsAtOnce ? isStatement(use.user()) : startedAtOnce(node)) {
            return new SegmentEscape.Runner(call, null, null, null);
        }
        String result = OwnershipWording.simpleName(trees.getTypeMirror(node.path()));
        if (use.user().getLeaf() instanceof ReturnTree) {
            return new SegmentEscape.Runner(call, result, Route.RETURNED, null);
        }
        TreePath keptIn = stores.outlivingTarget(use.user(), use.operand());
        return keptIn == null ? null : new SegmentEscape.Runner(call, result, stores.routeOf(keptIn), keptIn.getLeaf());
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
}
