package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import org.allocdiscipline.processor.flow.ValueUse;
import com.sun.source.util.Trees;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.NodeKind;

/**
 * The checks of the ownership analysis: leaks, double releases, releases through the wrong
 * allocator and uses after release. The node transfer calls them where it sees such an event, and
 * they write what they find to a {@link FindingLog} (a discarding one when the analysis of a helper of
 * {@code close()} only wants its states); they never change the state.
 */
final class ReleaseChecks {
    private final Trees trees;
    private final CallSignatures signatures;
    private final ExpressionValues values;
    private final Sites sites;
    private final Map<Element, TreePath> ownedFields;
    private final Map<Site, HelperRelease> helperReleases;
    private final FindingLog log;
    private final OutlivingStores stores;
    /** The body is a {@code close()} that counts references down ({@link ReferenceCounts}). */
    private final boolean fieldsReleasedByCount;

    ReleaseChecks(Trees trees, CallSignatures signatures, ExpressionValues values, Sites sites,
                  Map<Element, TreePath> ownedFields, Map<Site, HelperRelease> helperReleases, FindingLog log,
                  boolean fieldsReleasedByCount) {
        this.fieldsReleasedByCount = fieldsReleasedByCount;
        this.trees = trees;
        this.signatures = signatures;
        this.helperReleases = helperReleases;
        this.values = values;
        this.sites = sites;
        this.ownedFields = ownedFields;
        this.log = log;
        this.stores = new OutlivingStores(trees);
    }

    /**
     * Releases what an expression may hold. It is a double release only when every value it may
     * hold was already released on some path, and nothing untracked could be meant instead.
     */
    void releaseAll(OwnershipState.Builder out, OwnershipState in, LocalFact value, TreePath release,
                    AllocatorIdentity releasingAllocator) {
        boolean twice = !value.sites().isEmpty() && !value.untracked();
        for (Site site : value.sites()) {
            twice &= in.flagsOf(site).mayBeReleased();
        }
        if (twice) {
            Site first = value.sites().iterator().next();
            HelperRelease helper = helperReleases.get(first);
            HelperRelease named = helper != null && helper.kind().released() ? helper : null;
            log.add(sink -> sink.doubleRelease(release, first.tree(), named));
        }
        for (Site site : value.sites()) {
            release(out, in, site, release, releasingAllocator);
        }
    }

    /** Releases one site; through an allocator that provably did not allocate it, a wrong-allocator finding. */
    void release(OwnershipState.Builder out, OwnershipState in, Site site, TreePath release,
                 AllocatorIdentity releasingAllocator) {
        if (releasingAllocator != null) {
            AllocatorIdentity allocatedBy = in.allocators().getOrDefault(site, AllocatorIdentity.UNKNOWN);
            if (allocatedBy.provablyDiffers(releasingAllocator) || freesThroughBacking(allocatedBy, release)) {
                Tree allocation = site.tree();
                log.add(sink -> sink.wrongAllocator(release, allocation));
            }
        }
        out.flags(site, SiteFlags.RELEASED);
    }

    /**
     * Whether a free goes through the allocator underneath the one that allocated the value: the value
     * came from {@code scratch = new ArenaAllocator(backing)} and {@code backing.free(...)} frees it. The
     * variable is compared by name only: assigning it another allocator in between is not followed.
     */
    private boolean freesThroughBacking(AllocatorIdentity allocatedBy, TreePath release) {
        if (!(allocatedBy.creation() instanceof NewClassTree creation) || !(release.getLeaf() instanceof MethodInvocationTree call)
                || !(call.getMethodSelect() instanceof MemberSelectTree select)
                || !(OwnershipTrees.skipParens(select.getExpression()) instanceof IdentifierTree receiver)) {
            return false;
        }
        Element releasing = trees.getElement(new TreePath(new TreePath(release, select), receiver));
        if (releasing == null || !OwnershipTrees.isLocal(releasing) && releasing.getKind() != ElementKind.FIELD) {
            return false;
        }
        for (ExpressionTree argument : creation.getArguments()) {
            if (OwnershipTrees.skipParens(argument) instanceof IdentifierTree backing
                    && releasing.equals(trees.getElement(new TreePath(release, backing)))) {
                return true;
            }
        }
        return false;
    }

    /** The value of {@code site} escapes its obligation along a path of this kind, at {@code at}. */
    void leak(Site site, LeakReason reason, Tree at, TypeMirror exception) {
        // The site's path is looked up when the log is replayed, after solving, when every site's path is known.
        log.add(sink -> {
            TreePath path = sites.pathOf(site);
            HelperRelease helper = helperReleases.get(site);
            if (path != null) {
                sink.leak(path, reason, at, exception, named(helper, at, path.getCompilationUnit()) ? helper : null);
            }
        });
    }

    /**
     * Whether a leak's message names the helper: not one that releases on every path (the leak is another
     * path's), nor code that releases the value but comes after the point where the path leaves (an
     * exception thrown before the code is reached), since the path never met it.
     */
    private boolean named(HelperRelease helper, Tree at, CompilationUnitTree unit) {
        if (helper == null || helper.kind() == HelperRelease.Kind.EVERY_PATH) {
            return false;
        }
        if (!helper.kind().byCode() || at == null) {
            return true;
        }
        SourcePositions positions = trees.getSourcePositions();
        long code = positions.getStartPosition(unit, helper.call());
        long leaves = positions.getEndPosition(unit, at);
        return code < 0 || leaves < 0 || code < leaves;
    }

    /**
     * A release of one of the class's own {@code @Owned} fields by a helper of {@code close()} when the
     * field was already released: the helper releases it on every path, so it is released twice.
     */
    void doubleReleaseByHelper(TreePath call, Tree field) {
        log.add(sink -> sink.doubleRelease(call, field, null));
    }

    /**
     * The leaks at an exit of the body: every value that still owes its release when control leaves
     * by a return, an exception or the end of the body.
     *
     * @param node the exit
     * @param in the state there
     * @param returned the sites the exit's {@code return} hands out
     */
    void leaksAtExit(CfgNode node, OwnershipState in, Set<Site> returned) {
        Tree cause = node.tree();
        for (Map.Entry<Site, SiteFlags> entry : in.flags().entrySet()) {
            if (!entry.getValue().mayBeOwned()) {
                continue;
            }
            Site site = entry.getKey();
            if (fieldsReleasedByCount && site instanceof Site.Field && entry.getValue().mayBeReleased()) {
                // Closed when the count reaches zero, left open for the other references on the other paths.
                continue;
            }
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
    }

    private static boolean isOwnedParameter(Site site) {
        return site instanceof Site.Parameter;
    }

    void useOfVariable(CfgNode node, OwnershipState in) {
        Element element = trees.getElement(node.path());
        if (element == null) {
            return;
        }
        LocalFact fact;
        if (OwnershipTrees.isLocal(element)) {
            fact = in.local(element);
        } else if (ownedFields.containsKey(element) && OwnershipTrees.isOwnFieldAccess((ExpressionTree) node.tree())) {
            // In close(), one of the class's own @Owned fields, read after close() released it.
            fact = new LocalFact(Set.of(new Site.Field((VariableTree) ownedFields.get(element).getLeaf())), false, false,
                    AllocatorIdentity.UNKNOWN);
        } else {
            return;
        }
        if (fact.sites().isEmpty() || fact.untracked()) {
            return;
        }
        TreePath storedInto = stores.outlivingTarget(node.use().user(), node.use().operand());
        if (storedInto == null && isHarmlessUse(node.use())) {
            return;
        }
        Site released = null;
        Tree closedRegion = null;
        for (Site site : fact.sites()) {
            SiteFlags flags = in.flagsOf(site);
            if (flags.mayBeOwned() || !flags.mayBeReleased() && !flags.mayBeRegion()) {
                return;
            }
            if (flags.mayBeRegion()) {
                Tree region = closedRegion(site, in);
                if (region == null) {
                    return;
                }
                closedRegion = region;
            }
            released = site;
        }
        if (storedInto != null && closedRegion == null) {
            // Copying a freed value's reference reads no memory; a closed arena's segment kept where it
            // outlives the body is one whoever reads it later finds freed.
            return;
        }
        Tree allocation = released.tree();
        Tree region = closedRegion;
        boolean view = fact.allocatorView();
        Tree store = storedInto == null ? null : storedInto.getLeaf();
        log.add(sink -> sink.useAfterRelease(node.path(), allocation, region, view, store));
    }

    /**
     * The {@code new} of the region that allocated a site's value, when that region was closed on
     * every path here (closing it released the value); {@code null} when it may still be open or
     * is not known.
     */
    private static Tree closedRegion(Site site, OwnershipState in) {
        AllocatorIdentity allocator = in.allocators().get(site);
        if (allocator == null || allocator.creation() == null) {
            return null;
        }
        boolean closed = in.flagsOf(new Site.Allocation(allocator.creation())).releasedWhereverPresent();
        return closed ? allocator.creation() : null;
    }

    /** Releasing again is a double release, and copying or comparing with null reads no memory. */
    private boolean isHarmlessUse(ValueUse use) {
        TreePath consumer = use.user();
        Tree operand = use.operand();
        Tree parent = consumer.getLeaf();
        if (parent instanceof BinaryTree binary && (binary.getKind() == Tree.Kind.EQUAL_TO
                || binary.getKind() == Tree.Kind.NOT_EQUAL_TO)) {
            return true;
        }
        if (parent instanceof VariableTree || parent instanceof AssignmentTree) {
            return true;
        }
        if (parent instanceof MemberSelectTree && consumer.getParentPath().getLeaf() instanceof MethodInvocationTree call
                && OwnershipTrees.isCloseCall(call)) {
            return true;
        }
        if (parent instanceof MethodInvocationTree call && trees.getElement(consumer) instanceof ExecutableElement method) {
            int index = call.getArguments().indexOf(operand);
            return index >= 0 && signatures.of(method).takesArgument(index);
        }
        return false;
    }
}
