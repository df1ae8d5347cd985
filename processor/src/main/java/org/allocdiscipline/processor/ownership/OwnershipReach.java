package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
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
            // Most classes have no owned value anywhere: one walk without paths or a call graph says so,
            // where indexing the methods and walking each body costs about three times as much.
            this.reaching = anyDirectly(top) ? reaching(top) : Set.of();
        }
        return reaching.contains(method);
    }

    /**
     * Whether anything anywhere in a top-level class (every method, field, lambda, initializer and
     * nested class) brings an owned value into it ({@link #isSource}). When nothing does, no body of
     * the class ever holds an owned value, so no summary can change a finding and none is computed.
     */
    private boolean anyDirectly(Element type) {
        TreePath classPath = trees.getPath(type);
        if (classPath == null) {
            return false;
        }
        boolean[] found = new boolean[1];
        // Without paths: javac reads only the leaf of an attributed tree, so the class is parent enough.
        new TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (found[0] || tree == null) {
                    return null;
                }
                if (isSource(tree, new TreePath(classPath, tree))) {
                    found[0] = true;
                    return null;
                }
                return super.scan(tree, unused);
            }
        }.scan(classPath.getLeaf(), null);
        return found[0];
    }

    /**
     * Whether a tree brings an owned value into the class: a method whose annotations carry ownership
     * (an {@code @Owned} parameter or result) or that returns an arena, an {@code @Owned} or arena field, a call or
     * {@code new} that carries ownership by its annotations, a {@code new} of an owned type, or a store
     * into an owned field. A {@code close()} alone is none: with no owned value anywhere in the class,
     * what a helper closes or frees never matters to a caller, and most classes that close something
     * close streams.
     */
    boolean isSource(Tree tree, TreePath path) {
        return switch (tree) {
            case MethodTree method -> trees.getElement(path) instanceof ExecutableElement executable
                    && (returnsArena(executable) || carriesByAnnotations(executable));
            case VariableTree variable -> trees.getElement(path) instanceof Element field
                    && field.getKind() == ElementKind.FIELD && annotations.isOwnedField(field);
            default -> bringsOwned(path, callee -> { });
        };
    }

    private Set<Element> reaching(Element type) {
        Map<Element, TreePath> methods = declarations.all(type);
        Map<Element, List<Element>> callers = new HashMap<>();
        Set<Element> found = new HashSet<>();
        Deque<Element> work = new ArrayDeque<>();
        for (Map.Entry<Element, TreePath> method : methods.entrySet()) {
            if (returnsArena(method.getKey()) || matters(method.getValue(), methods,
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
        Consumer<ExecutableElement> ownCallees = callee -> {
            if (methods.containsKey(callee) && summarisable.test(callee)) {
                calls.accept(callee);
            }
        };
        new BodyScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (found[0]) {
                    return null;
                }
                if (isEffectKind(tree) && records(new TreePath(getCurrentPath(), tree), ownCallees)) {
                    found[0] = true;
                    return null;
                }
                return super.scan(tree, unused);
            }
        }.scan(body, null);
        return found[0];
    }

    /** A method that returns an arena hands on what it returns: an arena it made, or one it was given. */
    private boolean returnsArena(Element method) {
        return method instanceof ExecutableElement executable && annotations.isArenaResult(executable);
    }

    private static boolean isEffectKind(Tree tree) {
        return tree instanceof MethodInvocationTree || tree instanceof NewClassTree || tree instanceof AssignmentTree;
    }

    /**
     * Whether a method invocation, {@code new} or assignment does by itself something a summary records:
     * a {@code close()}, a call whose annotations carry ownership, a {@code new} of an owned type, a store
     * into an {@code @Owned} or arena field. The callee of each call looked at goes to {@code callees}.
     */
    private boolean records(TreePath path, Consumer<ExecutableElement> callees) {
        return path.getLeaf() instanceof MethodInvocationTree call && OwnershipTrees.isCloseCall(call)
                || bringsOwned(path, callees);
    }

    /**
     * Whether a method invocation, {@code new} or assignment brings an owned value: a call whose
     * annotations carry ownership, a {@code new} of an owned type, a store into an {@code @Owned} or
     * arena field. The callee of each call looked at goes to {@code callees}.
     */
    private boolean bringsOwned(TreePath path, Consumer<ExecutableElement> callees) {
        return switch (path.getLeaf()) {
            case MethodInvocationTree call -> callCarries(path, callees);
            case NewClassTree creation -> annotations.isOwnedType(trees.getTypeMirror(path)) || callCarries(path, callees);
            case AssignmentTree assignment -> storesOwned(new TreePath(path, assignment.getVariable()));
            default -> false;
        };
    }

    private boolean callCarries(TreePath call, Consumer<ExecutableElement> callees) {
        if (!(trees.getElement(call) instanceof ExecutableElement callee)) {
            return false;
        }
        callees.accept(callee);
        return carriesByAnnotations(callee);
    }

    private boolean storesOwned(TreePath target) {
        Element field = trees.getElement(target);
        return field != null && field.getKind() == ElementKind.FIELD && annotations.isOwnedField(field);
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
