package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import org.allocdiscipline.processor.flow.Cfg;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.DataflowResult;
import org.allocdiscipline.processor.flow.OnDemandPathScanner;
import org.allocdiscipline.processor.model.ApiModel;
import org.allocdiscipline.processor.ownership.SegmentEscape.Route;

/**
 * The segments of one body that escape past the close of their arena: at a node where a value leaves
 * ({@link EscapeRoutes}), the value, or a local that the leaving code captures, holds on every path a
 * segment (or another region's value) whose arena is still open there and is closed on every path after
 * ({@link ArenaCloses}). Values of arenas the body does not close (automatic, global, a parameter's, a
 * field's, one it hands on) never qualify, nor do plain values copied out of a segment.
 */
final class SegmentEscapes {
    private final Trees trees;
    private final OwnershipTransfer transfer;
    private final EscapeRoutes routes;
    private final DataflowResult<OwnershipState> states;
    private final ArenaCloses closes;
    private final TreePath body;

    SegmentEscapes(Trees trees, OwnershipTransfer transfer, EscapeRoutes routes, Cfg graph,
                   DataflowResult<OwnershipState> states) {
        this.trees = trees;
        this.transfer = transfer;
        this.routes = routes;
        this.states = states;
        this.body = graph.body();
        this.closes = new ArenaCloses(transfer, states, trees.getSourcePositions(), graph.body().getCompilationUnit());
    }

    /** The escapes at the nodes of the body's graph, each copy of a tree (finally blocks) on its own. */
    List<SegmentEscape> in(Cfg graph) {
        List<SegmentEscape> found = new ArrayList<>();
        CodeLocals codeLocals = new CodeLocals(trees, graph);
        for (CfgNode node : graph.nodes()) {
            OwnershipState in = states.before(node);
            if (in == null || !hasOpenArena(in)) {
                continue;
            }
            for (EscapeRoutes.Outlet outlet : routes.at(node, codeLocals)) {
                TreePath code = outlet.code();
                if (code == null) {
                    escape(found, node, in, outlet, outlet.value(), transfer.valueOf(outlet.value(), in));
                } else {
                    for (Map.Entry<Element, TreePath> captured : captures(code, in).entrySet()) {
                        escape(found, node, in, outlet, captured.getValue(), in.local(captured.getKey()));
                    }
                }
            }
        }
        return found;
    }

    private void escape(List<SegmentEscape> found, CfgNode node, OwnershipState in, EscapeRoutes.Outlet outlet,
                        TreePath at, LocalFact value) {
        if (value.untracked() || value.sites().isEmpty()) {
            return;
        }
        TreePath code = outlet.code();
        SegmentEscape first = null;
        for (Site site : value.sites()) {
            Tree arena = openArena(site, in);
            if (arena != null && outlet.route() == Route.OTHER_THREAD && holder(outlet) == null && isConfined(arena)) {
                // Another thread cannot touch a confined arena's segments at all: wrong-thread says so, of code
                // handed over where it is written (code held in a local first it does not follow).
                return;
            }
            Tree closedBy = arena == null ? null : closes.onEveryPathAfter(node, new Site.Allocation(arena));
            if (closedBy == null) {
                return;
            }
            if (first == null) {
                first = new SegmentEscape(at, outlet.route(), code == null ? null : code.getLeaf(), holder(outlet),
                        outlet.target(), outlet.runner(), site.tree(), arena, closedBy);
            }
        }
        found.add(first);
    }

    /** The local that holds the leaving code, when the code is written elsewhere. */
    private static Tree holder(EscapeRoutes.Outlet outlet) {
        return outlet.code() != null && OwnershipTrees.skipParens((ExpressionTree) outlet.value().getLeaf())
                instanceof IdentifierTree local ? local : null;
    }

    /** Whether some arena that made a value here may still be open: most states have no such value. */
    private static boolean hasOpenArena(OwnershipState in) {
        for (AllocatorIdentity allocator : in.allocators().values()) {
            if (allocator.creation() != null && in.flagsOf(new Site.Allocation(allocator.creation())).mayBeOwned()) {
                return true;
            }
        }
        return false;
    }

    /** The creation of the arena a region's value belongs to, when that arena may still be open here; else null. */
    private static Tree openArena(Site site, OwnershipState in) {
        if (!in.flagsOf(site).mayBeRegion()) {
            return null;
        }
        AllocatorIdentity arena = in.allocators().get(site);
        if (arena == null || arena.creation() == null) {
            return null;
        }
        return in.flagsOf(new Site.Allocation(arena.creation())).mayBeOwned() ? arena.creation() : null;
    }

    private boolean isConfined(Tree arena) {
        // javac reads only the leaf of an attributed tree's path, so the body's path serves as its parent.
        return trees.getElement(new TreePath(body, arena)) instanceof ExecutableElement factory
                && ApiModel.arenaKind(factory) == ApiModel.ArenaKind.CONFINED;
    }

    /** The body's locals that tracked values may be in and that code uses, each with its first use there. */
    private Map<Element, TreePath> captures(TreePath code, OwnershipState in) {
        Map<Element, TreePath> uses = new LinkedHashMap<>();
        new OnDemandPathScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree identifier, Void unused) {
                Element element = trees.getElement(getCurrentPath());
                if (element != null && in.locals().containsKey(element)) {
                    uses.putIfAbsent(element, getCurrentPath());
                }
                return null;
            }
        }.scan(code, null);
        return uses;
    }
}
