package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseLabelTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.PatternCaseLabelTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import org.allocdiscipline.processor.flow.Cfg;
import org.allocdiscipline.processor.flow.CfgEdge;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.ForwardAnalysis;
import org.allocdiscipline.processor.flow.JumpTarget;
import org.allocdiscipline.processor.flow.NodeKind;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * The transfer functions of the ownership analysis for one body: what each kind of node does to the
 * state, and what leaving a loop iteration or a {@code break}'s statement does to the locals declared
 * in it. Expression values come from {@link ExpressionValues}, what a branch proves from
 * {@link EdgeRefinement}, and the checks that find leaks and misuses are {@link ReleaseChecks}. Each
 * transfer starts its node in the {@link FindingLog}, so that a node's later transfer replaces what its
 * earlier ones logged: the solver transfers every node last with its final state, so the log ends up
 * exactly what a second pass over the fixpoint would report, without that pass.
 */
final class OwnershipTransfer implements ForwardAnalysis<OwnershipState> {
    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final boolean ownedResult;
    /**
     * The body is a method that returns an arena, being summarised without an annotation that says its
     * result is owned: its returns hand on what it was given, and keep what it made until the exit, where
     * the summary finds the result fresh.
     */
    private final boolean arenaResultProbe;
    /** The body is a lambda whose function returns a value, which its returns hand on. */
    private final boolean lambda;
    /** The body is the initializer of a field that takes what it is given (an {@code Arena} field). */
    private final boolean fieldTakesValue;
    private final Map<Element, TreePath> ownedFields;
    private final CallSignatures signatures;
    /** Whether every parameter is owned on entry: the body is being {@linkplain MethodSummaries summarised}. */
    private final boolean probe;
    /** The body is a record's compact constructor: its end stores the parameters in the component fields. */
    private final boolean compactConstructor;
    private final Map<Site, HelperRelease> helperReleases = new HashMap<>();
    private final Set<Site> forgotten = new HashSet<>();
    private final HelperEffects helpers;
    private final OwnedContainers containers;
    private final Map<Tree, Set<Element>> loopLocals = new IdentityHashMap<>();
    private final Cfg graph;
    private final Sites sites = new Sites();
    private final ExpressionValues values;
    private final EdgeRefinement edges;
    private final ReleaseChecks checks;
    private final FindingLog log;
    /** The class around the body, whose arena fields a store may hand a value to. */
    private final Element enclosingClass;
    private final TreePath enclosingClassPath;
    private final ArenaFields arenaFields;
    private final UnfollowedReleases captures;
    private final RecordComponents records;
    private final ClosingCode closingCode;

    /**
     * @param summaries the summaries of the class's own methods, which calls of them use
     * @param graph the body's graph, which the transfer will be run over
     * @param log where the checks write what they find; {@link FindingLog#DISCARD} when only the states matter
     * @param probe whether every parameter is owned on entry, to learn which ones the body releases
     */
    OwnershipTransfer(Trees trees, OwnershipAnnotations annotations, MethodSummaries summaries, Cfg graph,
                      Map<Element, TreePath> ownedFields, FindingLog log, boolean probe) {
        TreePath body = graph.body();
        this.graph = graph;
        this.trees = trees;
        this.annotations = annotations;
        this.ownedFields = ownedFields;
        this.probe = probe;
        this.signatures = new CallSignatures(summaries, summaries.outermost(body));
        this.lambda = body.getLeaf() instanceof LambdaExpressionTree
                && annotations.functionReturnsValue(trees.getTypeMirror(body));
        boolean owned = false;
        boolean arenaProbe = false;
        boolean compact = false;
        if (body.getLeaf() instanceof MethodTree && trees.getElement(body) instanceof ExecutableElement method) {
            compact = method.getKind() == ElementKind.CONSTRUCTOR && annotations.isCompactConstructor(method);
            // A body being summarised learns from its returns whether its result is fresh: they hand on only
            // what the annotation says (and an arena it was given), so a private factory of arenas is found
            // fresh and its callers own what it returns. Any other method that returns an arena hands it to
            // its caller, as an @Owned one does.
            owned = probe ? annotations.signature(method).ownedResult()
                    : signatures.ofOwnBody(method).ownedResult() || annotations.isArenaResult(method);
            arenaProbe = probe && !owned && annotations.isArenaResult(method);
        }
        this.ownedResult = owned;
        this.arenaResultProbe = arenaProbe;
        this.compactConstructor = compact;
        this.fieldTakesValue = body.getLeaf() instanceof VariableTree && body.getParentPath() != null
                && body.getParentPath().getLeaf() instanceof ClassTree
                && trees.getElement(body) instanceof Element field && annotations.isOwnedField(field);
        Element enclosingElement = null;
        TreePath enclosingPath = null;
        for (TreePath p = body; p != null; p = p.getParentPath()) {
            if (p.getLeaf() instanceof ClassTree) {
                enclosingElement = trees.getElement(p);
                enclosingPath = p;
                break;
            }
        }
        this.enclosingClass = enclosingElement;
        this.enclosingClassPath = enclosingPath;
        this.arenaFields = summaries.arenaFields();
        this.log = log;
        this.values = new ExpressionValues(trees, annotations, ownedFields,
                enclosingElement == null ? null : enclosingElement.asType(), graph);
        this.checks = new ReleaseChecks(trees, signatures, values, sites, ownedFields, helperReleases, log,
                !ownedFields.isEmpty() && ReferenceCounts.countsDown(trees, summaries, body));
        this.helpers = new HelperEffects(trees, values, checks, signatures, ownedFields, enclosingElement, helperReleases);
        this.containers = new OwnedContainers(trees, annotations, signatures);
        this.closingCode = new ClosingCode(trees, signatures);
        this.captures = new UnfollowedReleases(values, closingCode, helperReleases);
        this.records = new RecordComponents(annotations, summaries, summaries.outermost(body));
        this.edges = new EdgeRefinement(trees, annotations, values, sites, helpers);
    }

    /** What a {@code return} exit hands out, in the state there. */
    LocalFact returnedValue(CfgNode exit, OwnershipState state) {
        TreePath value = exit.value();
        return value == null ? null : values.valueOf(value, state);
    }

    @Override
    public OwnershipState entryState(Cfg cfg) {
        OwnershipState.Builder state = OwnershipState.EMPTY.edit();
        for (Map.Entry<Element, TreePath> field : ownedFields.entrySet()) {
            Site site = new Site.Field((VariableTree) field.getValue().getLeaf());
            sites.at(site.tree(), field.getValue());
            state.flags(site, SiteFlags.OWNED);
        }
        return state.build();
    }

    @Override
    public OwnershipState join(OwnershipState a, OwnershipState b) {
        return a.join(b);
    }

    @Override
    public OwnershipState transfer(CfgNode node, OwnershipState in) {
        log.startNode(node.id());
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
            case OPAQUE -> capturing(node, in);
            case JUMP -> breakStatement(node, in);
            case NORMAL_EXIT, EXCEPTIONAL_EXIT -> exit(node, in);
            default -> in;
        };
    }

    @Override
    public OwnershipState propagate(CfgEdge edge, OwnershipState before, OwnershipState after) {
        if (helpers.cuts(edge)) {
            return null;
        }
        return edges.refine(edge, ForwardAnalysis.super.propagate(edge, before, after), after);
    }

    // ---------------------------------------------------------------- nodes

    private OwnershipState parameter(CfgNode node, OwnershipState in) {
        TreePath method = node.path().getParentPath();
        if (!(method.getLeaf() instanceof MethodTree) || !(trees.getElement(method) instanceof ExecutableElement executable)) {
            return in;
        }
        int index = ((MethodTree) method.getLeaf()).getParameters().indexOf(node.tree());
        boolean owned = probe ? index >= 0 && !executable.getParameters().get(index).asType().getKind().isPrimitive()
                : index >= 0 && signatures.ofOwnBody(executable).ownedParameters().get(index);
        if (!owned) {
            return in;
        }
        Site site = new Site.Parameter((VariableTree) node.tree());
        sites.at(site.tree(), node.path());
        return in.edit()
                .flags(site, SiteFlags.OWNED)
                .local(trees.getElement(node.path()), new LocalFact(Set.of(site), false, false, AllocatorIdentity.UNKNOWN))
                .build();
    }

    private OwnershipState invocation(CfgNode node, OwnershipState in) {
        MethodInvocationTree call = (MethodInvocationTree) node.tree();
        TreePath path = node.path();
        Element element = trees.getElement(path);
        OwnershipAnnotations.Signature signature =
                element instanceof ExecutableElement executable ? signatures.of(executable) : null;
        TreePath receiver = node.receiver();
        // Which allocator releases or makes a value matters only to a call that takes or returns one.
        AllocatorIdentity allocator = signature != null && (signature.ownedResult() || signature.takesAny())
                ? ownAllocator(element, receiver, in) : null;
        OwnershipState.Builder out = in.edit();
        Element container = containers.storeTarget(call, path);
        int stored = container == null ? -1 : call.getArguments().size() - 1;
        arguments(node, element, signature, allocator, in, out, stored);
        if (container != null) {
            OwnedContainers.store(out, in, container, values.valueOf(node.operands().get(stored), in));
        }
        if (element instanceof ExecutableElement method && ApiModel.isCleanerRegistration(method) && node.operands().size() == 2) {
            // The action runs once the object is unreachable: what it closes is handed over to it.
            for (TreePath closed : closingCode.closedBy(node.operands().get(1))) {
                checks.releaseAll(out, in, values.valueOf(closed, in), path, null);
            }
        }
        Element releasedContainer = containers.forEachRelease(call, path);
        if (releasedContainer != null) {
            OwnedContainers.releaseAll(out, in, releasedContainer);
        }
        if (receiver != null) {
            if (OwnershipTrees.isCloseCall(call)) {
                checks.releaseAll(out, in, closedBy(node, in), path, null);
            } else {
                drop(out, in, values.temporaries(receiver, in), call);
            }
        }
        if (element instanceof ExecutableElement method && helpers.isHelperCall(node, method)) {
            helpers.fieldsOnReturn(out, in, method, path);
        }
        if (signature != null && signature.ownedResult()) {
            boolean region = values.isRegionAllocation(node, in);
            // The new value is made after the arguments were handed over: when `s = realloc(s, n)`
            // runs again, the earlier value of this site was just released by the call itself.
            OwnershipState handedOver = out.build();
            out = handedOver.edit();
            // Only an allocator's own method tells which allocator made the value; the receiver of
            // any other @Owned method (a factory, a library object) is not that allocator.
            allocate(out, handedOver, node, allocator != null ? allocator : AllocatorIdentity.UNKNOWN,
                    region ? SiteFlags.REGION : SiteFlags.OWNED);
        } else if (element instanceof ExecutableElement method) {
            // A segment of an arena owes nothing itself, but lives only as long as its arena; one that an
            // allocator's SegmentAllocator view hands out is owned as if the allocator's alloc had returned it.
            AllocatorIdentity arena = values.segmentArena(node, method, in);
            AllocatorIdentity viewed = arena == null ? values.viewedAllocator(node, method, in) : null;
            if (arena != null || viewed != null) {
                OwnershipState handedOver = out.build();
                out = handedOver.edit();
                allocate(out, handedOver, node, arena != null ? arena : viewed,
                        arena != null ? SiteFlags.REGION : SiteFlags.OWNED);
            }
        }
        return out.build();
    }

    /**
     * The allocator a method of an allocator type runs on: its receiver, as far as the state knows it;
     * {@code null} for a method of any other type, whose receiver is no allocator of what it takes or returns.
     */
    private AllocatorIdentity ownAllocator(Element method, TreePath receiver, OwnershipState in) {
        if (method.getEnclosingElement() == null || !annotations.isAllocatorType(method.getEnclosingElement().asType())) {
            return null;
        }
        return receiver == null ? AllocatorIdentity.UNKNOWN : values.valueOf(receiver, in).allocator();
    }

    private OwnershipState newClass(CfgNode node, OwnershipState in) {
        TreePath path = node.path();
        Element element = trees.getElement(path);
        OwnershipAnnotations.Signature signature =
                element instanceof ExecutableElement executable ? signatures.of(executable) : null;
        OwnershipState.Builder out = in.edit();
        arguments(node, element, signature, null, in, out, -1);
        if (((NewClassTree) node.tree()).getClassBody() != null) {
            captures.captured(in, path);
        }
        if (annotations.isOwnedType(trees.getTypeMirror(path))) {
            allocate(out, in, node, AllocatorIdentity.UNKNOWN, SiteFlags.OWNED);
        }
        return out.build();
    }

    /**
     * The arguments of a call or {@code new}: each is handed over to an {@code @Owned} parameter (or one
     * a summarised callee takes), partly released by a callee that releases it on some paths only, stored
     * into a local collection, or lent.
     */
    private void arguments(CfgNode call, Element callee, OwnershipAnnotations.Signature signature,
                           AllocatorIdentity releasingAllocator, OwnershipState in, OwnershipState.Builder out, int stored) {
        List<TreePath> arguments = call.operands();
        MethodSummary summary = callee instanceof ExecutableElement method ? signatures.summary(method) : null;
        for (int i = 0; i < arguments.size(); i++) {
            TreePath argument = arguments.get(i);
            if (signature != null && signature.takesArgument(i)) {
                LocalFact value = values.valueOf(argument, in);
                checks.releaseAll(out, in, value, call.path(), releasingAllocator);
                if (summary != null && summary.takes(i)) {
                    helpers.released(value, call.tree());
                }
            } else if (summary != null && summary.takesSometimes(i)) {
                helpers.partlyReleased(out, in, values.valueOf(argument, in), call.tree());
            } else if (recordFate(call, callee, i) != RecordComponents.Fate.NOT_A_COMPONENT) {
                movedIntoRecord(out, in, values.valueOf(argument, in), recordFate(call, callee, i), call);
            } else if (i != stored) {
                drop(out, in, values.temporaries(argument, in), call.tree());
                if (summary == null && callee instanceof ExecutableElement method && !annotations.isJdkMethod(method)) {
                    if (annotations.isArenaType(trees.getTypeMirror(argument))) {
                        captures.lentToUnread(in, values.valueOf(argument, in), call.tree());
                    } else {
                        helpers.lentToUnread(in, values.valueOf(argument, in), call.tree());
                    }
                }
            }
        }
    }

    private RecordComponents.Fate recordFate(CfgNode call, Element callee, int argument) {
        return call.kind() == NodeKind.NEW_CLASS && callee instanceof ExecutableElement constructor
                ? records.of(constructor, argument) : RecordComponents.Fate.NOT_A_COMPONENT;
    }

    /**
     * An arena stored into a record's component: a record that closes the component takes it over; one
     * that never closes it only borrows it, and the value's leak, if any, says so.
     */
    private void movedIntoRecord(OwnershipState.Builder out, OwnershipState in, LocalFact value, RecordComponents.Fate fate,
                                 CfgNode creation) {
        if (fate == RecordComponents.Fate.TAKEN) {
            checks.releaseAll(out, in, value, creation.path(), null);
            return;
        }
        for (Site site : value.sites()) {
            if (in.flagsOf(site).mayBeOwned()) {
                helperReleases.put(site, new HelperRelease(creation.tree(), HelperRelease.Kind.RECORD_KEEPS));
            }
        }
    }

    /**
     * A record made in the {@code return} itself ({@code return new Env(handle, arena);}) carries the
     * arenas moved into it to the caller, which owes their close from then on (and is not followed, as
     * for any object that took an arena), whether or not the record closes them itself.
     */
    private OwnershipState recordReturned(TreePath value, OwnershipState in) {
        TreePath returned = OwnershipTrees.skipParens(value);
        if (!(returned.getLeaf() instanceof NewClassTree creation)
                || !(trees.getElement(returned) instanceof ExecutableElement constructor)) {
            return in;
        }
        OwnershipState.Builder out = null;
        for (int i = 0; i < creation.getArguments().size(); i++) {
            if (records.of(constructor, i) == RecordComponents.Fate.NEVER_CLOSED) {
                for (Site site : values.valueOf(new TreePath(returned, creation.getArguments().get(i)), in).sites()) {
                    out = out == null ? in.edit() : out;
                    out.flags(site, SiteFlags.RELEASED);
                }
            }
        }
        return out == null ? in : out.build();
    }

    /** A lambda that closes or frees an owed value it captures runs when the checker does not follow. */
    private OwnershipState capturing(CfgNode node, OwnershipState in) {
        if (node.tree() instanceof LambdaExpressionTree) {
            captures.captured(in, node.path());
        }
        return in;
    }

    private void allocate(OwnershipState.Builder out, OwnershipState in, CfgNode node, AllocatorIdentity allocator,
                          SiteFlags initial) {
        Tree tree = node.tree();
        Site site = new Site.Allocation(tree);
        sites.at(tree, node.path());
        SiteFlags previous = in.flagsOf(site);
        if (in.heldByLocal(site, null)) {
            Site older = new Site.Older(tree);
            SiteFlags olderFlags = previous;
            if (in.heldByLocal(older, null)) {
                olderFlags = olderFlags.union(in.flagsOf(older));
            } else if (in.flagsOf(older).mayBeOwned()) {
                checks.leak(older, LeakReason.LOOP_ITERATION, tree, null);
            }
            out.renameSite(site, older).flags(older, olderFlags)
                    .allocator(older, in.allocators().getOrDefault(site, AllocatorIdentity.UNKNOWN));
        } else if (previous.mayBeOwned()) {
            // The site runs again while its previous value, held by nothing, still owes a release.
            checks.leak(site, LeakReason.LOOP_ITERATION, tree, null);
        }
        out.flags(site, initial).allocator(site, allocator);
        Tree consumer = node.use().user().getLeaf();
        if (consumer.getKind() == Tree.Kind.EXPRESSION_STATEMENT
                || consumer instanceof LambdaExpressionTree && !lambda) {
            if (initial.mayBeOwned()) {
                checks.leak(site, LeakReason.DISCARDED, tree, null);
            }
            out.flags(site, SiteFlags.ABSENT);
        }
    }

    private void drop(OwnershipState.Builder out, OwnershipState in, Set<Site> temporaries, Tree at) {
        for (Site site : temporaries) {
            if (in.flagsOf(site).mayBeOwned()) {
                checks.leak(site, LeakReason.DROPPED, at, null);
                out.flags(site, SiteFlags.ABSENT);
            }
        }
    }

    private OwnershipState declaration(CfgNode node, OwnershipState in) {
        Element element = trees.getElement(node.path());
        if (element == null) {
            return in;
        }
        TreePath initializer = node.value();
        LocalFact fact = initializer == null ? LocalFact.UNTRACKED : values.valueOf(initializer, in);
        OwnershipState.Builder out = in.edit().local(element, fact);
        flagAssigned(out, element, initializer);
        return out.build();
    }

    private OwnershipState loopVariable(CfgNode node, OwnershipState in) {
        Element element = trees.getElement(node.path());
        OwnershipState.Builder out = in.edit().local(element, LocalFact.UNTRACKED);
        flagAssigned(out, element, null);
        return out.build();
    }

    /** If {@code variable} is a boolean local, it now holds {@code value}: a literal's value is known, any other is not. */
    private static void flagAssigned(OwnershipState.Builder out, Element variable, TreePath value) {
        if (OwnershipTrees.isBooleanLocal(variable)) {
            out.booleanValue(variable, value == null ? null : OwnershipTrees.booleanConstant(value.getLeaf()));
        }
    }

    private OwnershipState assignment(CfgNode node, OwnershipState in) {
        if (node.tree() instanceof CompoundAssignmentTree compound) {
            // `n += e`, `text += e`: the target holds a number or a new string, never an owned
            // value; an owned temporary on the right is only read.
            OwnershipState.Builder out = in.edit();
            drop(out, in, values.temporaries(node.value(), in), compound);
            flagAssigned(out, trees.getElement(node.target()), null);
            return out.build();
        }
        AssignmentTree assignment = (AssignmentTree) node.tree();
        TreePath path = node.path();
        Element element = trees.getElement(node.target());
        LocalFact value = values.valueOf(node.value(), in);
        OwnershipState.Builder out = in.edit();
        if (element != null && OwnershipTrees.isLocal(element)) {
            for (Site old : in.local(element).sites()) {
                if (!value.sites().contains(old) && in.flagsOf(old).mayBeOwned()
                        && !in.heldByLocal(old, element)) {
                    checks.leak(old, LeakReason.OVERWRITTEN, assignment, null);
                    out.flags(old, SiteFlags.ABSENT);
                }
            }
            if (value.equals(LocalFact.NOTHING)) {
                forgetReleased(out, in, in.local(element).sites(), element);
            }
            out.local(element, value);
            flagAssigned(out, element, node.value());
        } else if (element != null && element.getKind() == ElementKind.FIELD && annotations.isOwnedField(element)) {
            if (storeTakesOver(element)) {
                for (Site site : value.sites()) {
                    if (probe) {
                        // A summary records the parameters that the body hands over as released by it.
                        checks.release(out, in, site, path, null);
                    } else {
                        // The object owns the value now: this body owes nothing for it, and may go on
                        // using it (`arena = made; buffer = made.allocate(n);`), as the object does.
                        out.flags(site, SiteFlags.NONE);
                    }
                }
            }
            if (ownedFields.containsKey(element) && OwnershipTrees.isOwnFieldAccess((ExpressionTree) node.target().getLeaf())) {
                Site field = new Site.Field((VariableTree) ownedFields.get(element).getLeaf());
                if (value.equals(LocalFact.NOTHING)) {
                    forgetReleased(out, in, Set.of(field), null);
                } else {
                    refill(out, in, field);
                }
            }
        } else if (containers.storeTarget(node.target()) instanceof Element array) {
            OwnedContainers.store(out, in, array, value);
        } else {
            drop(out, in, values.temporaries(node.value(), in), assignment);
        }
        return out.build();
    }

    /**
     * Whether a store into an {@code @Owned} or arena field hands the value over. While a constructor or
     * setter is summarised, an arena field of its own class takes over what its parameter holds only when
     * the class closes that field; otherwise its callers still owe the close. In any other body every such
     * store hands the value over: an arena the class made itself and never closes is reported at the field.
     */
    private boolean storeTakesOver(Element field) {
        return !probe || enclosingClassPath == null || !field.getEnclosingElement().equals(enclosingClass)
                || arenaFields.takesOver(enclosingClassPath, field);
    }

    /**
     * The field gets a new value, which close() releases: what it held before is no longer in it. Locals
     * that still hold the old value ({@code old = storage; storage = alloc(n); free(old);}) keep it as a
     * site of its own, so that releasing it through them does not release the field's new value.
     */
    private static void refill(OwnershipState.Builder out, OwnershipState in, Site field) {
        Site old = new Site.Older(field.tree());
        boolean held = false;
        for (Map.Entry<Element, LocalFact> local : in.locals().entrySet()) {
            LocalFact fact = local.getValue();
            if (fact.sites().contains(field)) {
                out.local(local.getKey(), fact.replacing(field, old));
                held = true;
            }
        }
        if (held) {
            out.flags(old, in.flagsOf(field));
        }
        out.flags(field, SiteFlags.OWNED);
    }

    /**
     * {@code s = null} after {@code s} was released: the released value is gone from the variable, so it
     * owes nothing and no later test of {@code s} can reach it again. A value that some other local still
     * holds, or that is a region whose closing later uses must see, is kept.
     */
    private void forgetReleased(OwnershipState.Builder out, OwnershipState in, Set<Site> old, Element variable) {
        for (Site site : old) {
            if (in.flagsOf(site).releasedWhereverPresent() && !in.heldByLocal(site, variable) && !namesAllocator(in, site)) {
                out.flags(site, SiteFlags.ABSENT);
                forgotten.add(site);
            }
        }
    }

    private static boolean namesAllocator(OwnershipState in, Site site) {
        for (AllocatorIdentity identity : in.allocators().values()) {
            if (identity.creation() == site.tree()) {
                return true;
            }
        }
        return false;
    }

    /** The sites that some path released and then forgot by storing {@code null} where they were. */
    Set<Site> forgotten() {
        return forgotten;
    }

    private OwnershipState returnStatement(CfgNode node, OwnershipState in) {
        TreePath value = node.value();
        boolean handsOn = ownedResult || lambda;
        if (value == null) {
            return in;
        }
        if (!(handsOn || arenaResultProbe)) {
            return recordReturned(value, in);
        }
        OwnershipState.Builder out = in.edit();
        for (Site site : values.valueOf(value, in).sites()) {
            if (handsOn || !(site instanceof Site.Allocation || site instanceof Site.Older)) {
                out.flags(site, SiteFlags.RELEASED);
            }
        }
        return out.build();
    }

    /**
     * What a node closes: the receiver of a {@code close()} call, or the resource of a try-with-resources'
     * implicit close.
     *
     * @return what it may hold, or null when the node closes nothing
     */
    LocalFact closedBy(CfgNode node, OwnershipState in) {
        if (node.kind() == NodeKind.RESOURCE_CLOSE) {
            TreePath closed = node.value();
            return closed.getLeaf() instanceof VariableTree ? in.local(trees.getElement(closed)) : values.valueOf(closed, in);
        }
        if (node.kind() == NodeKind.INVOCATION && node.receiver() != null
                && OwnershipTrees.isCloseCall((MethodInvocationTree) node.tree())) {
            return values.valueOf(node.receiver(), in);
        }
        return null;
    }

    /** What an expression evaluates to, given the state just before its consumer runs. */
    LocalFact valueOf(TreePath expression, OwnershipState in) {
        return values.valueOf(expression, in);
    }

    private OwnershipState resourceClose(CfgNode node, OwnershipState in) {
        LocalFact resource = closedBy(node, in);
        OwnershipState.Builder out = in.edit();
        // The implicit close of a resource closed already inside the block is a second close.
        checks.releaseAll(out, in, resource, node.path(), null);
        return out.build();
    }

    private OwnershipState evaluation(CfgNode node, OwnershipState in) {
        Tree tree = node.tree();
        TreePath path = node.path();
        if (tree instanceof IdentifierTree) {
            checks.useOfVariable(node, in);
            return in;
        }
        if (tree instanceof MemberSelectTree && !ownedFields.isEmpty() && OwnershipTrees.isOwnFieldAccess((MemberSelectTree) tree)) {
            checks.useOfVariable(node, in);
        }
        if (tree instanceof MemberReferenceTree) {
            captures.captured(in, path);
        }
        // An operator, a type test or a field access reads its operands' values and keeps none of
        // them; casts, conditionals and switch expressions hand theirs on to their own consumer.
        boolean reads = tree instanceof BinaryTree || tree instanceof UnaryTree || tree instanceof InstanceOfTree
                || tree instanceof MemberSelectTree;
        if (!reads || node.operands().isEmpty()) {
            return in;
        }
        OwnershipState.Builder out = in.edit();
        for (TreePath operand : node.operands()) {
            drop(out, in, values.temporaries(operand, in), tree);
        }
        return out.build();
    }

    /** A type pattern in a case label binds another name for the selector's value. */
    private OwnershipState caseBindings(CfgNode node, OwnershipState in) {
        TreePath selector = node.value();
        if (selector == null) {
            return in;
        }
        OwnershipState.Builder out = null;
        for (CaseLabelTree label : ((CaseTree) node.tree()).getLabels()) {
            if (label instanceof PatternCaseLabelTree patternLabel && patternLabel.getPattern() instanceof BindingPatternTree binding) {
                LocalFact value = values.valueOf(selector, in);
                if (value.sites().isEmpty()) {
                    continue;
                }
                TreePath bindingPath = new TreePath(new TreePath(node.path(), label), binding);
                Element variable = trees.getElement(new TreePath(bindingPath, binding.getVariable()));
                if (variable != null) {
                    out = out == null ? in.edit() : out;
                    out.local(variable, value);
                }
            }
        }
        return out == null ? in : out.build();
    }

    private OwnershipState loopHead(CfgNode node, OwnershipState in) {
        OwnershipState left = leaveScope(node, in, node.path(), LeakReason.LOOP_ITERATION);
        Element container = containers.releaseLoop(node.path());
        if (container == null) {
            return left;
        }
        // A loop that releases every element of a collection releases all the collection holds.
        OwnershipState.Builder out = left.edit();
        OwnedContainers.releaseAll(out, left, container);
        return out.build();
    }

    /**
     * A {@code break} leaves its statement. When a finally block or a resource's close runs on the
     * way, it may still release what the statement's locals hold: the leak, if any, is then found
     * where the value finally escapes.
     */
    private OwnershipState breakStatement(CfgNode node, OwnershipState in) {
        JumpTarget target = node.jumpTarget();
        if (!(node.tree() instanceof BreakTree) || target == null || target.throughFinally()) {
            return in;
        }
        return leaveScope(node, in, target.statement(), LeakReason.BREAK);
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
        Set<Site> candidates = new HashSet<>();
        for (Element local : inner) {
            candidates.addAll(in.local(local).sites());
            out.local(local, LocalFact.UNTRACKED);
        }
        OwnershipState killed = out.build();
        OwnershipState.Builder result = killed.edit();
        for (Site site : candidates) {
            if (killed.flagsOf(site).mayBeOwned() && !killed.heldByLocal(site, null)) {
                checks.leak(site, reason, node.tree(), null);
                result.flags(site, SiteFlags.ABSENT);
            }
        }
        return result.build();
    }

    private OwnershipState exit(CfgNode node, OwnershipState in) {
        TreePath value = node.value();
        Set<Site> returned = Set.of();
        if (value != null && node.tree() instanceof ReturnTree) {
            returned = values.valueOf(value, in).sites();
        } else if (node.kind() == NodeKind.NORMAL_EXIT && (lambda && value != null
                || fieldTakesValue && node.tree() instanceof VariableTree)) {
            // An expression lambda returns its body's value, which is handed on like a return; the
            // initializer of a field that takes its value hands it to the field.
            Set<Site> handedOn = node.tree() instanceof VariableTree field
                    ? values.valueOf(field.getInitializer(), node.path(), in).sites()
                    : values.valueOf(value, in).sites();
            OwnershipState.Builder out = in.edit();
            for (Site site : handedOn) {
                out.flags(site, SiteFlags.RELEASED);
            }
            in = out.build();
        } else if (compactConstructor && node.isFallOffExit()) {
            in = storeComponents(node, in);
        }
        checks.leaksAtExit(node, in, returned);
        return in;
    }


    /** The end of a compact constructor, where javac stores each parameter in its component field. */
    private OwnershipState storeComponents(CfgNode exit, OwnershipState in) {
        OwnershipState.Builder out = in.edit();
        TreePath constructor = exit.path();
        while (!(constructor.getLeaf() instanceof MethodTree)) {
            constructor = constructor.getParentPath();
        }
        for (VariableTree parameter : ((MethodTree) constructor.getLeaf()).getParameters()) {
            Element element = trees.getElement(new TreePath(constructor, parameter));
            if (element != null && ApiModel.has(element, ApiModel.OWNED)) {
                for (Site site : in.local(element).sites()) {
                    out.flags(site, SiteFlags.RELEASED);
                }
            }
        }
        return out.build();
    }

    private Set<Element> localsDeclaredIn(TreePath scope) {
        Set<Element> locals = new HashSet<>();
        for (TreePath declaration : graph.declarationsIn(scope)) {
            Element element = trees.getElement(declaration);
            if (element != null) {
                locals.add(element);
            }
        }
        return locals;
    }

}
