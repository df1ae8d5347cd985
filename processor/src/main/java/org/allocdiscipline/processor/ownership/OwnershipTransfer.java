package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseLabelTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PatternCaseLabelTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.allocdiscipline.processor.flow.Cfg;
import org.allocdiscipline.processor.flow.CfgEdge;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.EdgeKind;
import org.allocdiscipline.processor.flow.ForwardAnalysis;
import org.allocdiscipline.processor.flow.NodeKind;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * The transfer functions of the ownership analysis for one body. While solving, each node's
 * transfer logs what it would report, and a node's later transfer replaces its earlier log: the
 * solver transfers every node last with its final state, so the logs end up exactly what a
 * second pass over the fixpoint would report, without that pass.
 */
final class OwnershipTransfer implements ForwardAnalysis<OwnershipState> {
    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final boolean ownedResult;
    /** The body is a lambda whose function returns a value, which its returns hand on. */
    private final boolean lambda;
    private final Map<Element, TreePath> ownedFields;
    private final ReleaseHelpers helpers;
    private final TypeMirror enclosingClass;
    /** The class that declares the body, and its element: where close()'s helpers are looked up. */
    private final TreePath classPath;
    private final Element classElement;
    private final Map<Tree, TreePath> sitePaths = new IdentityHashMap<>();
    private final Map<Tree, Set<Element>> loopLocals = new IdentityHashMap<>();
    private FindingLog log;

    OwnershipTransfer(Trees trees, OwnershipAnnotations annotations, TreePath body, Map<Element, TreePath> ownedFields,
                      ReleaseHelpers helpers) {
        this.trees = trees;
        this.annotations = annotations;
        this.ownedFields = ownedFields;
        this.helpers = helpers;
        this.lambda = body.getLeaf() instanceof LambdaExpressionTree
                && annotations.functionReturnsValue(trees.getTypeMirror(body));
        boolean owned = false;
        if (body.getLeaf() instanceof MethodTree && trees.getElement(body) instanceof ExecutableElement method) {
            owned = annotations.signature(method).ownedResult();
        }
        this.ownedResult = owned;
        TreePath enclosingPath = null;
        Element enclosingElement = null;
        for (TreePath p = body; p != null; p = p.getParentPath()) {
            if (p.getLeaf() instanceof ClassTree) {
                enclosingPath = p;
                enclosingElement = trees.getElement(p);
                break;
            }
        }
        this.classPath = enclosingPath;
        this.classElement = enclosingElement;
        this.enclosingClass = enclosingElement == null ? null : enclosingElement.asType();
    }

    /**
     * Starts logging findings during the transfers.
     *
     * @param nodeCount how many nodes the graph has
     */
    void logFindings(int nodeCount) {
        this.log = new FindingLog(nodeCount);
    }

    /**
     * Hands the findings of the last transfer of every node to a sink, in node order.
     *
     * @param sink where they go
     */
    void replayFindings(Findings sink) {
        log.replay(sink);
    }

    @Override
    public OwnershipState entryState(Cfg cfg) {
        OwnershipState.Builder state = OwnershipState.EMPTY.edit();
        for (Map.Entry<Element, TreePath> field : ownedFields.entrySet()) {
            Tree site = field.getValue().getLeaf();
            sitePaths.put(site, field.getValue());
            state.flags(site, OwnershipState.OWNED);
        }
        return state.build();
    }

    @Override
    public OwnershipState join(OwnershipState a, OwnershipState b) {
        return a.join(b);
    }

    @Override
    public OwnershipState transfer(CfgNode node, OwnershipState in) {
        if (log != null) {
            log.startNode(node.id());
        }
        return switch (node.kind()) {
            case PARAMETER -> parameter(node, in);
            case INVOCATION -> invocation(node, in);
            case NEW_CLASS -> newClass(node, in);
            case VARIABLE -> declaration(node, in);
            case LOOP_VARIABLE -> loopVariable(node, in);
            case ASSIGNMENT -> assignment(node, in);
            case RETURN -> returnStatement(node, in);
            case RESOURCE_CLOSE -> resourceClose(node, in);
            case EVAL -> evaluation(node, in);
            case LOOP_HEAD -> loopHead(node, in);
            case CASE -> caseBindings(node, in);
            case JUMP -> node.tree() instanceof BreakTree ? leaveScope(node, in, breakTarget(node.path()), LeakReason.BREAK) : in;
            case NORMAL_EXIT, EXCEPTIONAL_EXIT -> exit(node, in);
            default -> in;
        };
    }

    @Override
    public OwnershipState propagate(CfgEdge edge, OwnershipState before, OwnershipState after) {
        OwnershipState state = ForwardAnalysis.super.propagate(edge, before, after);
        if (edge.kind() == EdgeKind.TRUE || edge.kind() == EdgeKind.FALSE) {
            FlagTest test = flagTest(edge.source());
            if (test != null) {
                // null when the flag is known to have the other value here: nothing flows this way.
                return state.assume(test.flag(), test.valueWhenTrue() == (edge.kind() == EdgeKind.TRUE));
            }
        }
        if (edge.kind() == EdgeKind.EXCEPTION && (isClose(edge.source()) || isFree(edge.source()))) {
            // A close() or free() that throws has still ended the value's life: nothing is left to
            // release, and releasing again would be the error (with unchecked exceptions every call
            // may throw, and no code could free a value on every path otherwise).
            return after;
        }
        if (edge.kind() == EdgeKind.TRUE && edge.source().tree() instanceof InstanceOfTree test
                && test.getPattern() instanceof BindingPatternTree binding) {
            // A matching pattern binds another name for the tested value.
            TreePath source = edge.source().path();
            LocalFact value = valueOf(test.getExpression(), source, state);
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
        ExpressionTree other = test.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL ? test.getLeftOperand()
                : test.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL ? test.getRightOperand() : null;
        other = skipParens(other);
        if (!(other instanceof IdentifierTree) && !(other instanceof MemberSelectTree)) {
            return state;
        }
        // A local, or (in close()) one of the class's own @Owned fields.
        LocalFact fact = valueOf(other, edge.source().path(), state);
        if (fact.sites().isEmpty()) {
            return state;
        }
        Element variable = trees.getElement(new TreePath(edge.source().path(), other));
        // On the null path the variable holds no value, so none of its sites owes anything there.
        OwnershipState.Builder narrowed = state.edit();
        for (Object site : fact.sites()) {
            narrowed.flags(site, OwnershipState.ABSENT);
        }
        if (variable != null && isLocal(variable)) {
            narrowed.local(variable, LocalFact.NOTHING);
        }
        return narrowed.build();
    }

    /** A condition that tests a boolean local: {@code flag}, or {@code flag == true}, {@code flag != false}, ... */
    private record FlagTest(Element flag, boolean valueWhenTrue) {
    }

    private FlagTest flagTest(CfgNode condition) {
        Tree tree = condition.tree();
        if (tree instanceof IdentifierTree) {
            Element flag = trees.getElement(condition.path());
            return isBooleanLocal(flag) ? new FlagTest(flag, true) : null;
        }
        if (!(tree instanceof BinaryTree test)
                || (test.getKind() != Tree.Kind.EQUAL_TO && test.getKind() != Tree.Kind.NOT_EQUAL_TO)) {
            return null;
        }
        Boolean literal = booleanConstant(test.getRightOperand());
        ExpressionTree other = test.getLeftOperand();
        if (literal == null) {
            literal = booleanConstant(test.getLeftOperand());
            other = test.getRightOperand();
        }
        other = skipParens(other);
        if (literal == null || !(other instanceof IdentifierTree)) {
            return null;
        }
        Element flag = trees.getElement(new TreePath(condition.path(), other));
        return isBooleanLocal(flag) ? new FlagTest(flag, literal == (test.getKind() == Tree.Kind.EQUAL_TO)) : null;
    }

    /**
     * A value whose allocation's type always passes an {@code instanceof} fails it only when
     * null, so on the false branch it owes nothing.
     */
    private OwnershipState failedTypeTest(CfgEdge edge, InstanceOfTree test, OwnershipState state) {
        ExpressionTree tested = skipParens(test.getExpression());
        if (!(tested instanceof IdentifierTree)) {
            return state;
        }
        TreePath source = edge.source().path();
        Element variable = trees.getElement(new TreePath(source, tested));
        LocalFact fact = state.local(variable);
        Tree typeTree = test.getPattern() instanceof BindingPatternTree binding ? binding.getVariable().getType() : test.getType();
        if (fact.sites().isEmpty() || typeTree == null) {
            return state;
        }
        TypeMirror type = trees.getTypeMirror(new TreePath(source, typeTree));
        OwnershipState.Builder narrowed = null;
        for (Object site : fact.sites()) {
            TreePath sitePath = sitePaths.get(treeOf(site));
            if (sitePath != null && annotations.isSubtype(siteType(sitePath), type)) {
                narrowed = narrowed == null ? state.edit() : narrowed;
                narrowed.flags(site, OwnershipState.ABSENT);
            }
        }
        return narrowed == null ? state : narrowed.build();
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
                || node.tree() instanceof MethodInvocationTree call && isCloseCall(call);
    }

    /** {@code receiver.close()}. */
    private static boolean isCloseCall(MethodInvocationTree call) {
        return call.getMethodSelect() instanceof MemberSelectTree select
                && ApiModel.isClose(select.getIdentifier(), call.getArguments().size());
    }

    // ---------------------------------------------------------------- nodes

    private OwnershipState parameter(CfgNode node, OwnershipState in) {
        TreePath method = node.path().getParentPath();
        if (!(method.getLeaf() instanceof MethodTree) || !(trees.getElement(method) instanceof ExecutableElement executable)) {
            return in;
        }
        int index = ((MethodTree) method.getLeaf()).getParameters().indexOf(node.tree());
        if (index < 0 || !annotations.signature(executable).ownedParameters()[index]) {
            return in;
        }
        Tree site = node.tree();
        sitePaths.put(site, node.path());
        return in.edit()
                .flags(site, OwnershipState.OWNED)
                .local(trees.getElement(node.path()), new LocalFact(Set.of(site), false, false, AllocatorIdentity.UNKNOWN))
                .build();
    }

    private OwnershipState invocation(CfgNode node, OwnershipState in) {
        MethodInvocationTree call = (MethodInvocationTree) node.tree();
        TreePath path = node.path();
        Element element = trees.getElement(path);
        OwnershipAnnotations.Signature signature =
                element instanceof ExecutableElement executable ? annotations.signature(executable) : null;
        ExpressionTree receiver = call.getMethodSelect() instanceof MemberSelectTree select ? select.getExpression() : null;
        TreePath selectPath = new TreePath(path, call.getMethodSelect());
        AllocatorIdentity receiverIdentity = receiver == null ? AllocatorIdentity.UNKNOWN
                : valueOf(receiver, selectPath, in).allocator();
        boolean allocatorMethod = element != null && element.getEnclosingElement() != null
                && annotations.isAllocatorType(element.getEnclosingElement().asType());
        OwnershipState.Builder out = in.edit();
        arguments(call.getArguments(), path, signature, allocatorMethod ? receiverIdentity : null, in, out, call);
        if (receiver != null) {
            if (isCloseCall(call)) {
                releaseAll(out, in, valueOf(receiver, selectPath, in), path, null);
            } else {
                drop(out, in, temporaries(receiver, selectPath, in), call);
            }
        }
        if (!ownedFields.isEmpty() && element instanceof ExecutableElement method && (receiver == null || isThis(receiver))) {
            helperEffect(out, in, method, path);
        }
        if (signature != null && signature.ownedResult()) {
            boolean region = isRegionAllocation(call, path, receiver, selectPath, in);
            // The new value is made after the arguments were handed over: when `s = realloc(s, n)`
            // runs again, the earlier value of this site was just released by the call itself.
            OwnershipState handedOver = out.build();
            out = handedOver.edit();
            // Only an allocator's own method tells which allocator made the value; the receiver of
            // any other @Owned method (a factory, a library object) is not that allocator.
            allocate(out, handedOver, node, allocatorMethod ? receiverIdentity : AllocatorIdentity.UNKNOWN,
                    region ? OwnershipState.REGION : OwnershipState.OWNED);
        }
        return out.build();
    }

    private OwnershipState newClass(CfgNode node, OwnershipState in) {
        NewClassTree creation = (NewClassTree) node.tree();
        TreePath path = node.path();
        Element element = trees.getElement(path);
        OwnershipAnnotations.Signature signature =
                element instanceof ExecutableElement executable ? annotations.signature(executable) : null;
        OwnershipState.Builder out = in.edit();
        arguments(creation.getArguments(), path, signature, null, in, out, creation);
        if (annotations.isOwnedType(trees.getTypeMirror(path))) {
            allocate(out, in, node, AllocatorIdentity.UNKNOWN, OwnershipState.OWNED);
        }
        return out.build();
    }

    private void arguments(List<? extends ExpressionTree> arguments, TreePath path, OwnershipAnnotations.Signature signature,
                           AllocatorIdentity releasingAllocator, OwnershipState in, OwnershipState.Builder out, Tree call) {
        for (int i = 0; i < arguments.size(); i++) {
            ExpressionTree argument = arguments.get(i);
            if (signature != null && signature.takesArgument(i)) {
                releaseAll(out, in, valueOf(argument, path, in), path, releasingAllocator);
            } else {
                drop(out, in, temporaries(argument, path, in), call);
            }
        }
    }

    /**
     * The values a site made in earlier iterations and still held by variables, kept apart
     * from its newest value so that releasing one does not release the other.
     */
    record Older(Tree site) {
    }

    static Tree treeOf(Object site) {
        return site instanceof Older older ? older.site() : (Tree) site;
    }

    private void allocate(OwnershipState.Builder out, OwnershipState in, CfgNode node, AllocatorIdentity allocator,
                          int initial) {
        Tree site = node.tree();
        sitePaths.putIfAbsent(site, node.path());
        int previous = in.flagsOf(site);
        if (in.heldByLocal(site, null)) {
            Older older = new Older(site);
            int olderFlags = previous;
            if (in.heldByLocal(older, null)) {
                olderFlags |= in.flagsOf(older);
            } else if ((in.flagsOf(older) & OwnershipState.OWNED) != 0) {
                leak(older, LeakReason.LOOP_ITERATION, site, null);
            }
            out.renameSite(site, older).flags(older, olderFlags)
                    .allocator(older, in.allocators().getOrDefault(site, AllocatorIdentity.UNKNOWN));
        } else if ((previous & OwnershipState.OWNED) != 0) {
            // The site runs again while its previous value, held by nothing, still owes a release.
            leak(site, LeakReason.LOOP_ITERATION, site, null);
        }
        out.flags(site, initial).allocator(site, allocator);
        Tree consumer = consumer(node.path()).getLeaf();
        if (consumer.getKind() == Tree.Kind.EXPRESSION_STATEMENT
                || consumer instanceof LambdaExpressionTree && !lambda) {
            if (initial == OwnershipState.OWNED) {
                leak(site, LeakReason.DISCARDED, site, null);
            }
            out.flags(site, OwnershipState.ABSENT);
        }
    }

    /**
     * Releases what an expression may hold. It is a double release only when every value it may
     * hold was already released on some path, and nothing untracked could be meant instead.
     */
    private void releaseAll(OwnershipState.Builder out, OwnershipState in, LocalFact value, TreePath release,
                            AllocatorIdentity releasingAllocator) {
        boolean twice = !value.sites().isEmpty() && !value.untracked();
        for (Object site : value.sites()) {
            twice &= (in.flagsOf(site) & OwnershipState.RELEASED) != 0;
        }
        if (twice && log != null) {
            Tree allocation = treeOf(value.sites().iterator().next());
            log.add(sink -> sink.doubleRelease(release, allocation));
        }
        for (Object site : value.sites()) {
            release(out, in, site, release, releasingAllocator);
        }
    }

    private void release(OwnershipState.Builder out, OwnershipState in, Object site, TreePath release,
                         AllocatorIdentity releasingAllocator) {
        if (releasingAllocator != null && log != null) {
            AllocatorIdentity allocatedBy = in.allocators().getOrDefault(site, AllocatorIdentity.UNKNOWN);
            if (allocatedBy.provablyDiffers(releasingAllocator)) {
                Tree allocation = treeOf(site);
                log.add(sink -> sink.wrongAllocator(release, allocation));
            }
        }
        out.flags(site, OwnershipState.RELEASED);
    }

    /**
     * A call of one of the class's own helpers from close(): each @Owned field that was owned leaves
     * the call as the helper's body leaves it; one that was already released and that the helper
     * releases on every path is released twice.
     */
    private void helperEffect(OwnershipState.Builder out, OwnershipState in, ExecutableElement method, TreePath call) {
        if (helpers == null || classElement == null || !ReleaseHelpers.isHelper(method, classElement)) {
            return;
        }
        for (Map.Entry<Tree, Integer> field : helpers.effect(method, classPath, ownedFields).entrySet()) {
            Tree site = field.getKey();
            int after = field.getValue();
            if ((after & OwnershipState.RELEASED) == 0) {
                continue;
            }
            int before = in.flagsOf(site);
            if ((before & OwnershipState.OWNED) != 0) {
                out.flags(site, (before & ~OwnershipState.OWNED) | after);
            } else if (before == OwnershipState.RELEASED && after == OwnershipState.RELEASED && log != null) {
                log.add(sink -> sink.doubleRelease(call, site));
            }
        }
    }

    private static boolean isThis(ExpressionTree receiver) {
        return skipParens(receiver) instanceof IdentifierTree id && id.getName().contentEquals("this");
    }

    private void drop(OwnershipState.Builder out, OwnershipState in, Set<Object> temporaries, Tree at) {
        for (Object site : temporaries) {
            if ((in.flagsOf(site) & OwnershipState.OWNED) != 0) {
                leak(site, LeakReason.DROPPED, at, null);
                out.flags(site, OwnershipState.ABSENT);
            }
        }
    }

    private OwnershipState declaration(CfgNode node, OwnershipState in) {
        VariableTree variable = (VariableTree) node.tree();
        Element element = trees.getElement(node.path());
        if (element == null) {
            return in;
        }
        LocalFact fact = variable.getInitializer() == null ? LocalFact.UNTRACKED
                : valueOf(variable.getInitializer(), node.path(), in);
        OwnershipState.Builder out = in.edit().local(element, fact);
        flagAssigned(out, element, variable.getInitializer());
        return out.build();
    }

    private OwnershipState loopVariable(CfgNode node, OwnershipState in) {
        Element element = trees.getElement(node.path());
        OwnershipState.Builder out = in.edit().local(element, LocalFact.UNTRACKED);
        flagAssigned(out, element, null);
        return out.build();
    }

    /** If {@code variable} is a boolean local, it now holds {@code value}: a literal's value is known, any other is not. */
    private static void flagAssigned(OwnershipState.Builder out, Element variable, ExpressionTree value) {
        if (isBooleanLocal(variable)) {
            out.booleanValue(variable, value == null ? null : booleanConstant(value));
        }
    }

    private static boolean isBooleanLocal(Element element) {
        return element != null && isLocal(element) && element.asType().getKind() == TypeKind.BOOLEAN;
    }

    /** The value of a {@code true} or {@code false} literal; {@code null} for anything else. */
    private static Boolean booleanConstant(ExpressionTree expression) {
        return skipParens(expression) instanceof LiteralTree literal
                && literal.getValue() instanceof Boolean value ? value : null;
    }

    private OwnershipState assignment(CfgNode node, OwnershipState in) {
        if (node.tree() instanceof CompoundAssignmentTree compound) {
            // `n += e`, `text += e`: the target holds a number or a new string, never an owned
            // value; an owned temporary on the right is only read.
            OwnershipState.Builder out = in.edit();
            drop(out, in, temporaries(compound.getExpression(), node.path(), in), compound);
            flagAssigned(out, trees.getElement(new TreePath(node.path(), compound.getVariable())), null);
            return out.build();
        }
        AssignmentTree assignment = (AssignmentTree) node.tree();
        TreePath path = node.path();
        ExpressionTree target = skipParens(assignment.getVariable());
        Element element = trees.getElement(new TreePath(path, target));
        LocalFact value = valueOf(assignment.getExpression(), path, in);
        OwnershipState.Builder out = in.edit();
        if (element != null && isLocal(element)) {
            for (Object old : in.local(element).sites()) {
                if (!value.sites().contains(old) && (in.flagsOf(old) & OwnershipState.OWNED) != 0
                        && !in.heldByLocal(old, element)) {
                    leak(old, LeakReason.OVERWRITTEN, assignment, null);
                    out.flags(old, OwnershipState.ABSENT);
                }
            }
            out.local(element, value);
            flagAssigned(out, element, assignment.getExpression());
        } else if (element != null && element.getKind() == ElementKind.FIELD && ApiModel.has(element, ApiModel.OWNED)) {
            for (Object site : value.sites()) {
                release(out, in, site, path, null);
            }
        } else {
            drop(out, in, temporaries(assignment.getExpression(), path, in), assignment);
        }
        return out.build();
    }

    private OwnershipState returnStatement(CfgNode node, OwnershipState in) {
        ExpressionTree value = ((ReturnTree) node.tree()).getExpression();
        if (value == null || !(ownedResult || lambda)) {
            return in;
        }
        OwnershipState.Builder out = in.edit();
        for (Object site : valueOf(value, node.path(), in).sites()) {
            out.flags(site, OwnershipState.RELEASED);
        }
        return out.build();
    }

    private OwnershipState resourceClose(CfgNode node, OwnershipState in) {
        LocalFact resource;
        if (node.tree() instanceof VariableTree) {
            resource = in.local(trees.getElement(node.path()));
        } else {
            resource = valueOf((ExpressionTree) node.tree(), node.path().getParentPath(), in);
        }
        OwnershipState.Builder out = in.edit();
        for (Object site : resource.sites()) {
            release(out, in, site, node.path(), null);
        }
        return out.build();
    }

    private OwnershipState evaluation(CfgNode node, OwnershipState in) {
        Tree tree = node.tree();
        TreePath path = node.path();
        if (tree instanceof IdentifierTree) {
            useOfVariable(node, in);
            return in;
        }
        if (tree instanceof MemberSelectTree && !ownedFields.isEmpty() && isOwnFieldAccess((MemberSelectTree) tree)) {
            useOfVariable(node, in);
        }
        List<ExpressionTree> operands = new ArrayList<>(2);
        if (tree instanceof BinaryTree binary) {
            operands.add(binary.getLeftOperand());
            operands.add(binary.getRightOperand());
        } else if (tree instanceof UnaryTree unary) {
            operands.add(unary.getExpression());
        } else if (tree instanceof InstanceOfTree instanceOf) {
            operands.add(instanceOf.getExpression());
        } else if (tree instanceof MemberSelectTree select) {
            operands.add(select.getExpression());
        }
        if (operands.isEmpty()) {
            return in;
        }
        OwnershipState.Builder out = in.edit();
        for (ExpressionTree operand : operands) {
            drop(out, in, temporaries(operand, path, in), tree);
        }
        return out.build();
    }

    private void useOfVariable(CfgNode node, OwnershipState in) {
        if (log == null) {
            return;
        }
        Element element = trees.getElement(node.path());
        if (element == null) {
            return;
        }
        LocalFact fact;
        if (isLocal(element)) {
            fact = in.local(element);
        } else if (ownedFields.containsKey(element) && isOwnFieldAccess((ExpressionTree) node.tree())) {
            // In close(), one of the class's own @Owned fields, read after close() released it.
            fact = new LocalFact(Set.of(ownedFields.get(element).getLeaf()), false, false, AllocatorIdentity.UNKNOWN);
        } else {
            return;
        }
        if (fact.sites().isEmpty() || fact.untracked() || isHarmlessUse(node.path())) {
            return;
        }
        Object released = null;
        Tree closedRegion = null;
        for (Object site : fact.sites()) {
            int flags = in.flagsOf(site);
            if ((flags & OwnershipState.OWNED) != 0 || (flags & (OwnershipState.RELEASED | OwnershipState.REGION)) == 0) {
                return;
            }
            if ((flags & OwnershipState.REGION) != 0) {
                Tree region = closedRegion(site, in);
                if (region == null) {
                    return;
                }
                closedRegion = region;
            }
            released = site;
        }
        Tree allocation = treeOf(released);
        Tree region = closedRegion;
        log.add(sink -> sink.useAfterRelease(node.path(), allocation, region));
    }

    /**
     * The {@code new} of the region that allocated a site's value, when that region was closed on
     * every path here (closing it released the value); {@code null} when it may still be open or
     * is not known.
     */
    private static Tree closedRegion(Object site, OwnershipState in) {
        AllocatorIdentity allocator = in.allocators().get(site);
        if (allocator == null || allocator.creation() == null) {
            return null;
        }
        int regionFlags = in.flagsOf(allocator.creation());
        boolean closed = (regionFlags & OwnershipState.RELEASED) != 0
                && (regionFlags & (OwnershipState.OWNED | OwnershipState.REGION)) == 0;
        return closed ? allocator.creation() : null;
    }

    /** Releasing again is a double release, and copying or comparing with null reads no memory. */
    private boolean isHarmlessUse(TreePath use) {
        TreePath child = use;
        TreePath consumer = consumer(use);
        while (child.getParentPath() != consumer) {
            child = child.getParentPath();
        }
        Tree parent = consumer.getLeaf();
        if (parent instanceof BinaryTree binary && (binary.getKind() == Tree.Kind.EQUAL_TO
                || binary.getKind() == Tree.Kind.NOT_EQUAL_TO)) {
            return true;
        }
        if (parent instanceof VariableTree || parent instanceof AssignmentTree) {
            return true;
        }
        if (parent instanceof MemberSelectTree && consumer.getParentPath().getLeaf() instanceof MethodInvocationTree call
                && isCloseCall(call)) {
            return true;
        }
        if (parent instanceof MethodInvocationTree call && trees.getElement(consumer) instanceof ExecutableElement method) {
            int index = call.getArguments().indexOf(child.getLeaf());
            return index >= 0 && annotations.signature(method).takesArgument(index);
        }
        return false;
    }

    /** A type pattern in a case label binds another name for the selector's value. */
    private OwnershipState caseBindings(CfgNode node, OwnershipState in) {
        TreePath switchPath = node.path().getParentPath();
        ExpressionTree selector = switchPath.getLeaf() instanceof SwitchTree statement ? statement.getExpression()
                : switchPath.getLeaf() instanceof SwitchExpressionTree expression ? expression.getExpression() : null;
        if (selector == null) {
            return in;
        }
        OwnershipState.Builder out = null;
        for (CaseLabelTree label : ((CaseTree) node.tree()).getLabels()) {
            if (label instanceof PatternCaseLabelTree patternLabel && patternLabel.getPattern() instanceof BindingPatternTree binding) {
                LocalFact value = valueOf(selector, switchPath, in);
                if (value.sites().isEmpty()) {
                    continue;
                }
                Element variable = trees.getElement(new TreePath(new TreePath(node.path(), binding), binding.getVariable()));
                if (variable != null) {
                    out = out == null ? in.edit() : out;
                    out.local(variable, value);
                }
            }
        }
        return out == null ? in : out.build();
    }

    private OwnershipState loopHead(CfgNode node, OwnershipState in) {
        return leaveScope(node, in, node.path(), LeakReason.LOOP_ITERATION);
    }

    /**
     * The statement a {@code break} leaves, or {@code null} when a finally block or resource
     * runs on the way, which may still release what the break's locals hold (the leak, if any,
     * is then found where the value finally escapes).
     */
    private static TreePath breakTarget(TreePath breakPath) {
        javax.lang.model.element.Name label = ((BreakTree) breakPath.getLeaf()).getLabel();
        Tree child = breakPath.getLeaf();
        for (TreePath p = breakPath.getParentPath(); p != null; child = p.getLeaf(), p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
                return null;
            }
            if (leaf instanceof TryTree tryTree && child != tryTree.getFinallyBlock()
                    && (tryTree.getFinallyBlock() != null || !tryTree.getResources().isEmpty())) {
                return null;
            }
            if (label == null ? leaf instanceof SwitchTree || leaf.getKind() == Tree.Kind.WHILE_LOOP
                    || leaf.getKind() == Tree.Kind.DO_WHILE_LOOP || leaf.getKind() == Tree.Kind.FOR_LOOP
                    || leaf.getKind() == Tree.Kind.ENHANCED_FOR_LOOP
                    : leaf instanceof LabeledStatementTree labeled && labeled.getLabel().contentEquals(label)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Control leaves a statement (an iteration ending at the loop head, or a break): the locals
     * declared in it die, and values that only they held are lost.
     */
    private OwnershipState leaveScope(CfgNode node, OwnershipState in, TreePath scope, LeakReason reason) {
        if (scope == null || in.locals().isEmpty()) {
            return in;
        }
        Set<Element> inner = loopLocals.computeIfAbsent(scope.getLeaf(), t -> localsDeclaredIn(scope));
        boolean any = false;
        for (Element local : inner) {
            any |= in.locals().containsKey(local);
        }
        if (!any) {
            return in;
        }
        // Locals declared in the body die when an iteration ends; values only they held are lost.
        OwnershipState.Builder out = in.edit();
        Set<Object> candidates = new HashSet<>();
        for (Element local : inner) {
            candidates.addAll(in.local(local).sites());
            out.local(local, LocalFact.UNTRACKED);
        }
        OwnershipState killed = out.build();
        OwnershipState.Builder result = killed.edit();
        for (Object site : candidates) {
            if ((killed.flagsOf(site) & OwnershipState.OWNED) != 0 && !killed.heldByLocal(site, null)) {
                leak(site, reason, node.tree(), null);
                result.flags(site, OwnershipState.ABSENT);
            }
        }
        return result.build();
    }

    private OwnershipState exit(CfgNode node, OwnershipState in) {
        if (log == null) {
            return in;
        }
        Tree cause = node.tree();
        Set<Object> returned = Set.of();
        if (cause instanceof ReturnTree ret && ret.getExpression() != null) {
            returned = valueOf(ret.getExpression(), node.path(), in).sites();
        } else if (lambda && cause instanceof ExpressionTree body && node.kind() == NodeKind.NORMAL_EXIT) {
            // An expression lambda returns its body's value, which is handed on like a return.
            Set<Object> handedOn = valueOf(body, node.path().getParentPath(), in).sites();
            OwnershipState.Builder out = in.edit();
            for (Object site : handedOn) {
                out.flags(site, OwnershipState.RELEASED);
            }
            in = out.build();
        }
        for (Map.Entry<Object, Integer> entry : in.flags().entrySet()) {
            if ((entry.getValue() & OwnershipState.OWNED) == 0) {
                continue;
            }
            Object site = entry.getKey();
            if (node.kind() == NodeKind.EXCEPTIONAL_EXIT) {
                // A call that throws leaves the caller owning what it passed to an @Owned parameter,
                // so an exception out of this body hands its @Owned parameters back, not leaks them.
                if (!isOwnedParameter(site)) {
                    leak(site, LeakReason.EXCEPTION, cause, node.exceptionType());
                }
            } else if (cause instanceof ReturnTree) {
                leak(site, returned.contains(site) ? LeakReason.RETURNED_UNOWNED : LeakReason.RETURN, cause, null);
            } else {
                leak(site, LeakReason.END_OF_BODY, cause, null);
            }
        }
        return in;
    }

    private boolean isOwnedParameter(Object site) {
        TreePath path = site instanceof VariableTree ? sitePaths.get(site) : null;
        return path != null && path.getParentPath() != null && path.getParentPath().getLeaf() instanceof MethodTree;
    }

    private void leak(Object site, LeakReason reason, Tree at, TypeMirror exception) {
        if (log != null) {
            // The site's path is looked up when replayed, as the reporting pass used to do after solving.
            log.add(sink -> {
                TreePath path = sitePaths.get(treeOf(site));
                if (path != null) {
                    sink.leak(path, reason, at, exception);
                }
            });
        }
    }

    // ---------------------------------------------------------------- values of expressions

    /** What an expression evaluates to, given the state just before its consumer runs. */
    LocalFact valueOf(ExpressionTree expression, TreePath parent, OwnershipState state) {
        ExpressionTree tree = expression;
        TreePath path = new TreePath(parent, tree);
        switch (tree.getKind()) {
            case PARENTHESIZED:
                return valueOf(((ParenthesizedTree) tree).getExpression(), path, state);
            case TYPE_CAST:
                return valueOf(((TypeCastTree) tree).getExpression(), path, state);
            case ASSIGNMENT:
                return valueOf(((AssignmentTree) tree).getExpression(), path, state);
            case CONDITIONAL_EXPRESSION: {
                ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
                return valueOf(conditional.getTrueExpression(), path, state)
                        .join(valueOf(conditional.getFalseExpression(), path, state));
            }
            case SWITCH_EXPRESSION: {
                LocalFact joined = null;
                for (TreePath result : switchResults(path)) {
                    LocalFact value = valueOf((ExpressionTree) result.getLeaf(), result.getParentPath(), state);
                    joined = joined == null ? value : joined.join(value);
                }
                return joined == null ? LocalFact.UNTRACKED : joined;
            }
            case METHOD_INVOCATION:
            case NEW_CLASS: {
                TypeMirror type = trees.getTypeMirror(path);
                Set<Object> sites = (state.flagsOf(tree) & (OwnershipState.OWNED | OwnershipState.REGION)) != 0
                        ? Set.of(tree) : Set.of();
                AllocatorIdentity identity = tree instanceof NewClassTree ? newIdentity(tree, type) : staticIdentity(type);
                return new LocalFact(sites, sites.isEmpty(), annotations.isRegionType(type), identity);
            }
            case IDENTIFIER:
            case MEMBER_SELECT: {
                Element element = trees.getElement(path);
                TypeMirror type = trees.getTypeMirror(path);
                if (element != null && isLocal(element)) {
                    LocalFact fact = state.local(element);
                    boolean region = fact.region() || annotations.isRegionType(type);
                    AllocatorIdentity identity = fact.allocator().isUnknown() ? staticIdentity(type) : fact.allocator();
                    return new LocalFact(fact.sites(), fact.untracked(), region, identity);
                }
                if (element != null && ownedFields.containsKey(element) && isOwnFieldAccess(tree)) {
                    Tree site = ownedFields.get(element).getLeaf();
                    Set<Object> sites = (state.flagsOf(site) & (OwnershipState.OWNED | OwnershipState.RELEASED)) != 0
                            ? Set.of(site) : Set.of();
                    return new LocalFact(sites, sites.isEmpty(), annotations.isRegionType(type), staticIdentity(type));
                }
                AllocatorIdentity identity = ApiModel.isGlobalAllocator(element)
                        ? new AllocatorIdentity(null, (TypeElement) element.getEnclosingElement(), true)
                        : staticIdentity(type);
                return new LocalFact(Set.of(), true, annotations.isRegionType(type), identity);
            }
            case NULL_LITERAL:
                // null is no value at all: a variable that may hold null or one value still holds only that one.
                return LocalFact.NOTHING;
            default:
                return LocalFact.UNTRACKED;
        }
    }

    /** The owned values that an expression produces directly, not through a variable. */
    private Set<Object> temporaries(ExpressionTree expression, TreePath parent, OwnershipState state) {
        ExpressionTree tree = skipParens(expression);
        if (tree == null) {
            return Set.of();
        }
        switch (tree.getKind()) {
            case TYPE_CAST:
                return temporaries(((TypeCastTree) tree).getExpression(), parent, state);
            case CONDITIONAL_EXPRESSION: {
                ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
                Set<Object> union = new HashSet<>(temporaries(conditional.getTrueExpression(), parent, state));
                union.addAll(temporaries(conditional.getFalseExpression(), parent, state));
                return union;
            }
            case METHOD_INVOCATION:
            case NEW_CLASS:
                return (state.flagsOf(tree) & OwnershipState.OWNED) != 0 ? Set.of(tree) : Set.of();
            default:
                return Set.of();
        }
    }

    private List<TreePath> switchResults(TreePath switchPath) {
        List<TreePath> results = new ArrayList<>();
        SwitchExpressionTree switchTree = (SwitchExpressionTree) switchPath.getLeaf();
        for (CaseTree caseTree : switchTree.getCases()) {
            TreePath casePath = new TreePath(switchPath, caseTree);
            if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE && caseTree.getBody() instanceof ExpressionTree value) {
                results.add(new TreePath(casePath, value));
                continue;
            }
            new TreeScanner<Void, Void>() {
                @Override
                public Void visitYield(YieldTree yield, Void unused) {
                    // Paths of nested yields are approximated by the case path: only elements are looked up.
                    results.add(new TreePath(casePath, yield.getValue()));
                    return null;
                }

                @Override
                public Void visitSwitchExpression(SwitchExpressionTree nested, Void unused) {
                    return null;
                }

                @Override
                public Void visitLambdaExpression(LambdaExpressionTree nested, Void unused) {
                    return null;
                }

                @Override
                public Void visitClass(ClassTree nested, Void unused) {
                    return null;
                }
            }.scan(caseTree, null);
        }
        return results;
    }

    private boolean isRegionAllocation(MethodInvocationTree call, TreePath path, ExpressionTree receiver,
                                       TreePath selectPath, OwnershipState state) {
        if (receiver != null ? valueOf(receiver, selectPath, state).region() : annotations.isRegionType(enclosingClass)) {
            return true;
        }
        for (ExpressionTree argument : call.getArguments()) {
            TypeMirror type = trees.getTypeMirror(new TreePath(path, argument));
            if (annotations.isAllocatorType(type) && valueOf(argument, path, state).region()) {
                return true;
            }
        }
        return false;
    }

    private AllocatorIdentity newIdentity(Tree creation, TypeMirror type) {
        TypeElement exact = type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
                ? element : null;
        return new AllocatorIdentity(creation, exact, false);
    }

    private static AllocatorIdentity staticIdentity(TypeMirror type) {
        if (type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
                && element.getKind() == ElementKind.CLASS && element.getModifiers().contains(Modifier.FINAL)) {
            return new AllocatorIdentity(null, element, false);
        }
        return AllocatorIdentity.UNKNOWN;
    }

    private static boolean isOwnFieldAccess(ExpressionTree tree) {
        return tree instanceof IdentifierTree || tree instanceof MemberSelectTree select && isThis(select.getExpression());
    }

    private static boolean isLocal(Element element) {
        return switch (element.getKind()) {
            case LOCAL_VARIABLE, PARAMETER, EXCEPTION_PARAMETER, RESOURCE_VARIABLE, BINDING_VARIABLE -> true;
            default -> false;
        };
    }

    private Set<Element> localsDeclaredIn(TreePath loop) {
        Set<Element> locals = new HashSet<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree variable, Void unused) {
                // A declaration's element does not depend on the path above its leaf.
                Element element = trees.getElement(new TreePath(loop, variable));
                if (element != null) {
                    locals.add(element);
                }
                return super.visitVariable(variable, unused);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree nested, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(ClassTree nested, Void unused) {
                return null;
            }
        }.scan(loop.getLeaf(), null);
        return locals;
    }

    /** The tree that consumes an expression's value: its parent, looking through parentheses, casts and conditionals. */
    static TreePath consumer(TreePath expression) {
        TreePath path = expression.getParentPath();
        Tree child = expression.getLeaf();
        while (path != null) {
            Tree leaf = path.getLeaf();
            boolean passesThrough = leaf instanceof ParenthesizedTree || leaf instanceof TypeCastTree
                    || leaf instanceof ConditionalExpressionTree conditional && conditional.getCondition() != child;
            if (!passesThrough) {
                return path;
            }
            child = leaf;
            path = path.getParentPath();
        }
        return expression;
    }

    static ExpressionTree skipParens(ExpressionTree tree) {
        while (tree instanceof ParenthesizedTree parens) {
            tree = parens.getExpression();
        }
        return tree;
    }

}
