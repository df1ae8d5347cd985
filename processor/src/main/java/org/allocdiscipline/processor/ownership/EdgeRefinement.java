package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;
import org.allocdiscipline.processor.flow.CfgEdge;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.EdgeKind;
import org.allocdiscipline.processor.flow.NodeKind;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * What taking a branch of the graph proves about the state: the tested value of a boolean flag, a
 * variable that is null, a value that failed or passed an {@code instanceof} (a passing pattern binds
 * another name for it), and a {@code close()} or {@code free} whose exception still ended the value's life.
 */
final class EdgeRefinement {
    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final ExpressionValues values;
    private final Sites sites;
    private final HelperEffects helpers;

    EdgeRefinement(Trees trees, OwnershipAnnotations annotations, ExpressionValues values, Sites sites,
                   HelperEffects helpers) {
        this.helpers = helpers;
        this.trees = trees;
        this.annotations = annotations;
        this.values = values;
        this.sites = sites;
    }

    /**
     * The state that flows along an edge: {@code state}, what the solver carries by default, narrowed
     * by what taking the edge proves.
     *
     * @param edge the edge
     * @param state what flows along it by default
     * @param after the state after the edge's source node
     * @return the narrowed state, or null when no execution takes the edge
     */
    OwnershipState refine(CfgEdge edge, OwnershipState state, OwnershipState after) {
        if (edge.kind() == EdgeKind.TRUE || edge.kind() == EdgeKind.FALSE) {
            FlagTest test = flagTest(edge.source());
            if (test != null) {
                // null when the flag is known to have the other value here: nothing flows this way.
                return state.assume(test.flag(), test.valueWhenTrue() == (edge.kind() == EdgeKind.TRUE));
            }
        }
        if (edge.kind() == EdgeKind.FALSE) {
            TreePath arena = arenaTestedAlive(edge.source());
            if (arena != null) {
                return closed(arena, state);
            }
        }
        if (edge.kind() == EdgeKind.EXCEPTION && (isClose(edge.source()) || isFree(edge.source()))) {
            // A close() or free() that throws has still ended the value's life: nothing is left to
            // release, and releasing again would be the error (with unchecked exceptions every call
            // may throw, and no code could free a value on every path otherwise).
            return after;
        }
        if (edge.kind() == EdgeKind.EXCEPTION) {
            // A summarised helper that threw may have released some of what it was given first.
            OwnershipState thrown = helpers.onThrow(edge.source(), state);
            return thrown != null ? thrown : state;
        }
        if (edge.kind() == EdgeKind.TRUE && edge.source().tree() instanceof InstanceOfTree test
                && test.getPattern() instanceof BindingPatternTree binding) {
            // A matching pattern binds another name for the tested value.
            TreePath source = edge.source().path();
            LocalFact value = values.valueOf(edge.source().operands().get(0), state);
            Element variable = trees.getElement(new TreePath(new TreePath(source, binding), binding.getVariable()));
            return variable == null ? state : state.edit().local(variable, value).build();
        }
        if (edge.kind() == EdgeKind.FALSE && edge.source().tree() instanceof InstanceOfTree test) {
            return failedTypeTest(edge, test, state);
        }
        if ((edge.kind() != EdgeKind.TRUE && edge.kind() != EdgeKind.FALSE)
                || !(edge.source().tree() instanceof BinaryTree test)) {
            return state;
        }
        boolean nullBranch = test.getKind() == Tree.Kind.EQUAL_TO ? edge.kind() == EdgeKind.TRUE
                : test.getKind() == Tree.Kind.NOT_EQUAL_TO && edge.kind() == EdgeKind.FALSE;
        if (!nullBranch) {
            return state;
        }
        List<TreePath> operands = edge.source().operands();
        TreePath other = test.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL ? operands.get(0)
                : test.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL ? operands.get(1) : null;
        if (other == null || !(other.getLeaf() instanceof IdentifierTree) && !(other.getLeaf() instanceof MemberSelectTree)) {
            return state;
        }
        // A local, or (in close()) one of the class's own @Owned fields.
        LocalFact fact = values.valueOf(other, state);
        if (fact.sites().isEmpty()) {
            return state;
        }
        Element variable = trees.getElement(other);
        // On the null path the variable holds no value, so none of its sites owes anything there.
        OwnershipState.Builder narrowed = state.edit();
        for (Site site : fact.sites()) {
            narrowed.flags(site, SiteFlags.ABSENT);
        }
        if (variable != null && OwnershipTrees.isLocal(variable)) {
            narrowed.local(variable, LocalFact.NOTHING);
        }
        return narrowed.build();
    }

    /**
     * The arena a condition {@code arena.scope().isAlive()} tests, when the node is one; else null. On
     * its false branch the arena is closed, as a loop that closes an arena until its scope dies
     * ({@code while (arena.scope().isAlive()) { try { arena.close(); break; } catch (...) { } }}) relies on.
     */
    private TreePath arenaTestedAlive(CfgNode condition) {
        if (condition.kind() != NodeKind.INVOCATION || !(trees.getElement(condition.path()) instanceof ExecutableElement test)
                || !ApiModel.isScopeAliveTest(test) || condition.receiver() == null
                || !(condition.receiver().getLeaf() instanceof MethodInvocationTree scopeCall)
                || !(scopeCall.getMethodSelect() instanceof MemberSelectTree select)
                || !(trees.getElement(condition.receiver()) instanceof ExecutableElement accessor)
                || !ApiModel.isScopeAccessor(accessor)) {
            return null;
        }
        TreePath arena = OwnershipTrees.skipParens(
                new TreePath(new TreePath(condition.receiver(), select), select.getExpression()));
        return annotations.isArenaType(trees.getTypeMirror(arena)) ? arena : null;
    }

    /** The state where an arena that one tracked value holds is known to be closed: that value is released. */
    private OwnershipState closed(TreePath arena, OwnershipState state) {
        LocalFact fact = values.valueOf(arena, state);
        if (fact.sites().size() != 1 || fact.untracked()) {
            // Which of several values it holds the test does not say.
            return state;
        }
        Site site = fact.sites().iterator().next();
        return state.flagsOf(site).mayExist() ? state.edit().flags(site, SiteFlags.RELEASED).build() : state;
    }

    /** A condition that tests a boolean local: {@code flag}, or {@code flag == true}, {@code flag != false}, ... */
    private record FlagTest(Element flag, boolean valueWhenTrue) {
    }

    private FlagTest flagTest(CfgNode condition) {
        Tree tree = condition.tree();
        if (tree instanceof IdentifierTree) {
            Element flag = trees.getElement(condition.path());
            return OwnershipTrees.isBooleanLocal(flag) ? new FlagTest(flag, true) : null;
        }
        if (!(tree instanceof BinaryTree test)
                || (test.getKind() != Tree.Kind.EQUAL_TO && test.getKind() != Tree.Kind.NOT_EQUAL_TO)) {
            return null;
        }
        List<TreePath> operands = condition.operands();
        Boolean literal = OwnershipTrees.booleanConstant(operands.get(1).getLeaf());
        TreePath other = operands.get(0);
        if (literal == null) {
            literal = OwnershipTrees.booleanConstant(operands.get(0).getLeaf());
            other = operands.get(1);
        }
        if (literal == null || !(other.getLeaf() instanceof IdentifierTree)) {
            return null;
        }
        Element flag = trees.getElement(other);
        return OwnershipTrees.isBooleanLocal(flag) ? new FlagTest(flag, literal == (test.getKind() == Tree.Kind.EQUAL_TO)) : null;
    }

    /**
     * A value whose allocation's type always passes an {@code instanceof} fails it only when
     * null, so on the false branch it owes nothing.
     */
    private OwnershipState failedTypeTest(CfgEdge edge, InstanceOfTree test, OwnershipState state) {
        TreePath tested = edge.source().operands().get(0);
        if (!(tested.getLeaf() instanceof IdentifierTree)) {
            return state;
        }
        LocalFact fact = state.local(trees.getElement(tested));
        TreePath typePath = testedType(edge.source().path(), test);
        if (fact.sites().isEmpty() || typePath == null) {
            return state;
        }
        TypeMirror type = trees.getTypeMirror(typePath);
        OwnershipState.Builder narrowed = null;
        for (Site site : fact.sites()) {
            TreePath sitePath = sites.pathOf(site);
            if (sitePath != null && annotations.isSubtype(siteType(sitePath), type)) {
                narrowed = narrowed == null ? state.edit() : narrowed;
                narrowed.flags(site, SiteFlags.ABSENT);
            }
        }
        return narrowed == null ? state : narrowed.build();
    }

    /** The path to the type an {@code instanceof} tests: its type, or its type pattern's variable's type. */
    private static TreePath testedType(TreePath test, InstanceOfTree tree) {
        if (tree.getPattern() instanceof BindingPatternTree binding) {
            Tree type = binding.getVariable().getType();
            return type == null ? null
                    : new TreePath(new TreePath(new TreePath(test, binding), binding.getVariable()), type);
        }
        return tree.getType() == null ? null : new TreePath(test, tree.getType());
    }

    private TypeMirror siteType(TreePath site) {
        Element element = site.getLeaf() instanceof VariableTree ? trees.getElement(site) : null;
        return element != null ? element.asType() : trees.getTypeMirror(site);
    }

    /** A call of an allocator's {@code free}: a void method of an allocator type that takes one value. */
    private boolean isFree(CfgNode node) {
        if (node.kind() != NodeKind.INVOCATION || !(node.tree() instanceof MethodInvocationTree call)
                || call.getArguments().size() != 1
                || !(trees.getElement(node.path()) instanceof ExecutableElement method)) {
            return false;
        }
        return ApiModel.isFree(method) && method.getEnclosingElement() != null
                && annotations.isAllocatorType(method.getEnclosingElement().asType());
    }

    private static boolean isClose(CfgNode node) {
        return node.kind() == NodeKind.RESOURCE_CLOSE
                || node.tree() instanceof MethodInvocationTree call && OwnershipTrees.isCloseCall(call);
    }
}
