package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
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
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import org.allocdiscipline.processor.flow.Cfg;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.NodeKind;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * What an expression evaluates to in a state: the owned values (sites) it may produce, whether it may
 * produce anything else, whether it is a region, and which allocator it denotes. Parentheses, casts,
 * assignments, conditionals and {@code switch} expressions pass their operands' values through.
 */
final class ExpressionValues {
    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final Map<Element, TreePath> ownedFields;
    /** The type of the class that declares the body: a region when a call has no receiver. */
    private final TypeMirror enclosingClass;
    /** The body's graph, whose nodes say what each {@code switch} expression may yield. */
    private final Cfg graph;
    /** The results of each {@code switch} expression of the body, listed on first use. */
    private Map<Tree, List<TreePath>> switchResults;

    ExpressionValues(Trees trees, OwnershipAnnotations annotations, Map<Element, TreePath> ownedFields,
                     TypeMirror enclosingClass, Cfg graph) {
        this.trees = trees;
        this.annotations = annotations;
        this.ownedFields = ownedFields;
        this.enclosingClass = enclosingClass;
        this.graph = graph;
    }

    /** What an expression evaluates to, given the state just before its consumer runs. */
    LocalFact valueOf(ExpressionTree expression, TreePath parent, OwnershipState state) {
        return valueOf(new TreePath(parent, expression), state);
    }

    /** What the expression at the end of a path evaluates to, given the state just before its consumer runs. */
    LocalFact valueOf(TreePath path, OwnershipState state) {
        Tree tree = path.getLeaf();
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
                for (TreePath result : switchResults(tree)) {
                    LocalFact value = valueOf(result, state);
                    joined = joined == null ? value : joined.join(value);
                }
                return joined == null ? LocalFact.UNTRACKED : joined;
            }
            case METHOD_INVOCATION:
            case NEW_CLASS: {
                TypeMirror type = trees.getTypeMirror(path);
                Site allocation = new Site.Allocation(tree);
                Set<Site> sites = state.flagsOf(allocation).mayExist()
                        ? Set.of(allocation) : Set.of();
                if (sites.isEmpty() && tree instanceof MethodInvocationTree call) {
                    LocalFact view = segmentView(call, path, state);
                    if (view == null) {
                        view = allocatorView(call, path, state);
                    }
                    if (view != null) {
                        return view;
                    }
                }
                boolean region = annotations.isRegionType(type);
                // A region an owned call made (Arena.ofConfined(), a factory) is named by that call, as a
                // `new` names its object: closing it then tells which values it released.
                AllocatorIdentity identity = tree instanceof NewClassTree ? newIdentity(tree, type)
                        : region && state.flagsOf(allocation).mayBeOwned()
                        ? new AllocatorIdentity(tree, null, false) : staticIdentity(type);
                return new LocalFact(sites, sites.isEmpty(), region, identity);
            }
            case IDENTIFIER:
            case MEMBER_SELECT: {
                Element element = trees.getElement(path);
                if (element instanceof TypeElement || element instanceof javax.lang.model.element.PackageElement) {
                    // The qualifier of a static call (`Arena.ofConfined()`) names a type, not a value.
                    return LocalFact.UNTRACKED;
                }
                TypeMirror type = trees.getTypeMirror(path);
                if (element != null && OwnershipTrees.isLocal(element)) {
                    LocalFact fact = state.local(element);
                    boolean region = fact.region() || annotations.isRegionType(type);
                    AllocatorIdentity identity = fact.allocator().isUnknown() ? staticIdentity(type) : fact.allocator();
                    return new LocalFact(fact.sites(), fact.untracked(), region, identity, fact.allocatorView());
                }
                if (element != null && ownedFields.containsKey(element) && OwnershipTrees.isOwnFieldAccess((ExpressionTree) tree)) {
                    Site site = new Site.Field((VariableTree) ownedFields.get(element).getLeaf());
                    SiteFlags flags = state.flagsOf(site);
                    Set<Site> sites = flags.mayBeOwned() || flags.mayBeReleased() ? Set.of(site) : Set.of();
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
    Set<Site> temporaries(ExpressionTree expression, TreePath parent, OwnershipState state) {
        return expression == null ? Set.of() : temporaries(new TreePath(parent, expression), state);
    }

    /** The owned values that the expression at the end of a path produces directly, not through a variable. */
    Set<Site> temporaries(TreePath path, OwnershipState state) {
        Tree tree = path.getLeaf();
        switch (tree.getKind()) {
            case PARENTHESIZED:
                return temporaries(((ParenthesizedTree) tree).getExpression(), path, state);
            case TYPE_CAST:
                return temporaries(((TypeCastTree) tree).getExpression(), path, state);
            case CONDITIONAL_EXPRESSION: {
                ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
                Set<Site> union = new HashSet<>(temporaries(conditional.getTrueExpression(), path, state));
                union.addAll(temporaries(conditional.getFalseExpression(), path, state));
                return union;
            }
            case METHOD_INVOCATION:
            case NEW_CLASS:
                Site allocation = new Site.Allocation(tree);
                return state.flagsOf(allocation).mayBeOwned() ? Set.of(allocation) : Set.of();
            default:
                return Set.of();
        }
    }

    /**
     * Whether an owned call allocates from a region: its receiver is one, or (with no receiver) the
     * class whose code makes it, or one of its allocator arguments is.
     */
    boolean isRegionAllocation(CfgNode call, OwnershipState state) {
        TreePath receiver = call.receiver();
        if (receiver != null ? valueOf(receiver, state).region() : annotations.isRegionType(enclosingClass)) {
            return true;
        }
        for (TreePath argument : call.operands()) {
            if (annotations.isAllocatorType(trees.getTypeMirror(argument)) && valueOf(argument, state).region()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A view of a segment ({@code asSlice}, {@code reinterpret(size)}, {@code asReadOnly}) holds the
     * region-allocated values its segment holds: it lives exactly as long. Owned values are not followed
     * into views (freeing a slice is no release of its segment); null when the call is no view.
     */
    private LocalFact segmentView(MethodInvocationTree call, TreePath path, OwnershipState state) {
        if (!(call.getMethodSelect() instanceof MemberSelectTree select)
                || !(trees.getElement(path) instanceof ExecutableElement method) || !ApiModel.isSegmentView(method)) {
            return null;
        }
        LocalFact segment = valueOf(select.getExpression(), new TreePath(path, select), state);
        Set<Site> regional = new HashSet<>();
        for (Site site : segment.sites()) {
            if (state.flagsOf(site).mayBeRegion()) {
                regional.add(site);
            }
        }
        boolean other = segment.untracked() || regional.size() < segment.sites().size();
        return regional.isEmpty() ? null : new LocalFact(Set.copyOf(regional), other, false, AllocatorIdentity.UNKNOWN);
    }

    /**
     * An allocator's {@code asSegmentAllocator()} is that allocator seen through the JDK's interface: it
     * holds what the allocator's expression holds (so using the view after the allocator was closed is a
     * use of the allocator), and what it allocates belongs to that allocator. Null when the call is no view.
     */
    private LocalFact allocatorView(MethodInvocationTree call, TreePath path, OwnershipState state) {
        // The name first: most calls are no view, and asking javac for the element of each costs more.
        if (!(call.getMethodSelect() instanceof MemberSelectTree select)
                || !ApiModel.isSegmentAllocatorView(select.getIdentifier(), call.getArguments().size())
                || !(trees.getElement(path) instanceof ExecutableElement method) || !annotations.isSegmentAllocatorView(method)) {
            return null;
        }
        return valueOf(select.getExpression(), new TreePath(path, select), state).asView();
    }

    /**
     * The allocator that owns the segment a call allocates through an allocator's view
     * ({@code allocator.asSegmentAllocator().allocateFrom(text)}, or {@code allocate(n)} on a local that holds
     * such a view); null for any other call. A view of a region is the region's: see {@link #segmentArena}.
     */
    AllocatorIdentity viewedAllocator(CfgNode call, ExecutableElement method, OwnershipState state) {
        if (call.receiver() == null || !annotations.isSegmentAllocation(method)) {
            return null;
        }
        LocalFact receiver = valueOf(call.receiver(), state);
        return receiver.allocatorView() ? receiver.allocator() : null;
    }

    /**
     * The arena whose lifetime a call's segment takes, when the call allocates from a region or binds a
     * segment to an arena argument: {@code arena.allocate(...)}, {@code allocator.allocateFrom(...)} on an
     * allocator that holds an arena, {@code segment.reinterpret(size, arena, cleanup)}; null for any other call.
     */
    AllocatorIdentity segmentArena(CfgNode call, ExecutableElement method, OwnershipState state) {
        if (annotations.isSegmentAllocation(method) && isRegionAllocation(call, state)) {
            return call.receiver() == null ? AllocatorIdentity.UNKNOWN : valueOf(call.receiver(), state).allocator();
        }
        int arena = ApiModel.arenaParameter(method);
        if (arena >= 0 && arena < call.operands().size()) {
            return valueOf(call.operands().get(arena), state).allocator();
        }
        return null;
    }

    /** The values a {@code switch} expression may yield, as its node in the graph lists them. */
    private List<TreePath> switchResults(Tree switchExpression) {
        if (switchResults == null) {
            switchResults = new IdentityHashMap<>();
            for (CfgNode node : graph.nodes()) {
                if (node.kind() == NodeKind.EVAL && node.tree().getKind() == Tree.Kind.SWITCH_EXPRESSION) {
                    switchResults.putIfAbsent(node.tree(), node.operands());
                }
            }
        }
        return switchResults.getOrDefault(switchExpression, List.of());
    }

    private AllocatorIdentity newIdentity(Tree creation, TypeMirror type) {
        TypeElement exact = type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
                ? element : null;
        return new AllocatorIdentity(creation, exact, false);
    }

    static AllocatorIdentity staticIdentity(TypeMirror type) {
        if (type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
                && element.getKind() == ElementKind.CLASS && element.getModifiers().contains(Modifier.FINAL)) {
            return new AllocatorIdentity(null, element, false);
        }
        return AllocatorIdentity.UNKNOWN;
    }
}
