package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.type.TypeMirror;

/**
 * Collects the findings of one body: one leak per site, and each other finding once
 * per tree, although copied finally blocks visit the same tree several times.
 */
final class Findings {
    private final Map<Tree, Leak> leaks = new LinkedHashMap<>();
    private final Map<Tree, DoubleRelease> doubleReleases = new IdentityHashMap<>();
    private final Map<Tree, UseAfterRelease> uses = new IdentityHashMap<>();
    private final Map<Tree, WrongAllocator> wrongAllocators = new IdentityHashMap<>();
    private final Map<Tree, SegmentEscape> escapes = new IdentityHashMap<>();

    /**
     * Keeps one leak per site: the most specific path (an overwrite says more than "an
     * exception may leave"), and among equals the first found, so the choice is stable; except that an
     * exception from a call outranks one from a resource's implicit {@code close()}, which only passes on
     * (or joins) what the body threw.
     */
    void leak(TreePath site, LeakReason reason, Tree at, TypeMirror exception, HelperRelease helper) {
        Leak known = leaks.get(site.getLeaf());
        if (known == null || reason.outranks(known.reason())
                || reason == known.reason() && reason == LeakReason.EXCEPTION && isResource(known.at()) && !isResource(at)) {
            leaks.put(site.getLeaf(), new Leak(site, reason, at, exception, helper));
        }
    }

    /** The throwing tree of a resource's implicit close: its declaration, or the variable named as the resource. */
    private static boolean isResource(Tree thrower) {
        return thrower instanceof VariableTree || thrower instanceof IdentifierTree || thrower instanceof MemberSelectTree;
    }

    void doubleRelease(TreePath release, Tree allocation, HelperRelease helper) {
        doubleReleases.putIfAbsent(release.getLeaf(), new DoubleRelease(release, allocation, helper));
    }

    void useAfterRelease(TreePath use, Tree allocation, Tree closedRegion, boolean throughView, Tree storedInto) {
        uses.putIfAbsent(use.getLeaf(), new UseAfterRelease(use, allocation, closedRegion, throughView, storedInto));
    }

    void wrongAllocator(TreePath release, Tree allocation) {
        wrongAllocators.putIfAbsent(release.getLeaf(), new WrongAllocator(release, allocation));
    }

    void segmentEscape(SegmentEscape escape) {
        escapes.putIfAbsent(escape.at().getLeaf(), escape);
    }

    /**
     * A second release is only a double release, and a wrong-allocator free is only that.
     *
     * @param danglingFields what {@link DanglingFields} found in the same body
     */
    OwnershipFindings result(Trees trees, List<DanglingField> danglingFields) {
        for (Tree release : wrongAllocators.keySet()) {
            doubleReleases.remove(release);
        }
        return new OwnershipFindings(
                sorted(trees, leaks.values(), Leak::site),
                sorted(trees, doubleReleases.values(), DoubleRelease::release),
                sorted(trees, uses.values(), UseAfterRelease::use),
                sorted(trees, wrongAllocators.values(), WrongAllocator::release), danglingFields,
                sorted(trees, escapes.values(), SegmentEscape::at), true);
    }

    private static <T> List<T> sorted(Trees trees, java.util.Collection<T> items, Function<T, TreePath> path) {
        SourcePositions positions = trees.getSourcePositions();
        List<T> list = new ArrayList<>(items);
        list.sort(Comparator.comparingLong(item -> {
            TreePath p = path.apply(item);
            return positions.getStartPosition(p.getCompilationUnit(), p.getLeaf());
        }));
        return List.copyOf(list);
    }
}
