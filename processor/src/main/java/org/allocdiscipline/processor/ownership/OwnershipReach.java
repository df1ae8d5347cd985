package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import org.allocdiscipline.processor.flow.BodyScanner;

/**
 * Which methods of one top-level class may do anything a summary records, directly or through the
 * class's own summarisable methods: a call or {@code new} that carries ownership by its annotations, a
 * {@code close()}, a {@code new} of an owned type, a store into an {@code @Owned} or arena field, or a
 * {@code return} of an arena. It is a reachability question over the class's call graph, answered once
 * per class in linear time; asking it through the summaries themselves made every method that calls
 * into a recursive helper look relevant (the helper's "in progress" assumption) and be analysed again
 * and again.
 */
final class OwnershipReach {
    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final MethodDeclarations declarations;
    private final Predicate<ExecutableElement> summarisable;
    private Element top;
    private Set<Element> reaching = Set.of();

    OwnershipReach(Trees trees, OwnershipAnnotations annotations, MethodDeclarations declarations,
            Predicate<ExecutableElement> summarisable) {
        this.trees = trees;
        this.annotations = annotations;
        this.declarations = declarations;
        this.summarisable = summarisable;
    }

    /**
     * @param method a method declared in {@code top} or a class nested in it
     * @param top    its outermost class
     * @return false when neither its body nor any of the class's own methods it calls does anything a
     *         summary records
     */
    boolean mayMatter(Element method, Element top) {
        if (!top.equals(this.top)) {
            this.top = top;
            this.reaching = reaching(top);
        }
        return reaching.contains(method);
    }

    private Set<Element> reaching(Element type) {
        Map<Element, TreePath> methods = declarations.all(type);
        Map<Element, List<Element>> callers = new HashMap<>();
        Set<Element> found = new HashSet<>();
        Deque<Element> work = new ArrayDeque<>();
        for (Map.Entry<Element, TreePath> method : methods.entrySet()) {
            // A method that returns an arena hands on what it returns: an arena it made, or one it was given.
            boolean returnsArena = method.getKey() instanceof ExecutableElement executable
                    && annotations.isArenaResult(executable);
            if (returnsArena || matters(method.getValue(), methods,
                    callee -> callers.computeIfAbsent(callee, k -> new ArrayList<>()).add(method.getKey()))) {
                found.add(method.getKey());
                work.add(method.getKey());
            }
        }
        while (!work.isEmpty()) {
            for (Element caller : callers.getOrDefault(work.pop(), List.of())) {
                if (found.add(caller)) {
                    work.add(caller);
                }
            }
        }
        return found;
    }

    /** Whether a body itself does something a summary records; the class's own callees go to {@code calls}. */
    private boolean matters(TreePath body, Map<Element, TreePath> methods, Consumer<Element> calls) {
        boolean[] found = new boolean[1];
        new BodyScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                return found[0] ? null : super.scan(tree, unused);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (OwnershipTrees.isCloseCall(call) || callMatters(getCurrentPath())) {
                    found[0] = true;
                    return null;
                }
                return super.visitMethodInvocation(call, unused);
            }

            @Override
            public Void visitNewClass(NewClassTree creation, Void unused) {
                if (annotations.isOwnedType(trees.getTypeMirror(getCurrentPath())) || callMatters(getCurrentPath())) {
                    found[0] = true;
                    return null;
                }
                return super.visitNewClass(creation, unused);
            }

            @Override
            public Void visitAssignment(AssignmentTree assignment, Void unused) {
                Element target = trees.getElement(new TreePath(getCurrentPath(), assignment.getVariable()));
                if (target != null && target.getKind() == ElementKind.FIELD && annotations.isOwnedField(target)) {
                    found[0] = true;
                    return null;
                }
                return super.visitAssignment(assignment, unused);
            }

            private boolean callMatters(TreePath call) {
                if (!(trees.getElement(call) instanceof ExecutableElement callee)) {
                    return false;
                }
                if (methods.containsKey(callee) && summarisable.test(callee)) {
                    calls.accept(callee);
                }
                return carriesByAnnotations(callee);
            }
        }.scan(body, null);
        return found[0];
    }

    /**
     * Whether a method's annotations say that a call takes or returns an owned value; an allocator's
     * {@code asSegmentAllocator()} counts, as the segments its view hands out are owned.
     */
    boolean carriesByAnnotations(ExecutableElement method) {
        if (!annotations.mayCarryOwnership(method)) {
            return false;
        }
        OwnershipAnnotations.Signature signature = annotations.signature(method);
        return signature.ownedResult() || signature.takesAny() || annotations.isSegmentAllocatorView(method);
    }
}
