package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
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
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import org.allocdiscipline.processor.flow.OnDemandPathScanner;

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

    /**
     * The methods that do something a summary records, or call one of the class's own summarisable
     * methods that does. Empty when nothing anywhere in the class brings an owned value in
     * ({@link #isSource}): then no body of the class ever holds an owned value, so no summary can change
     * a finding and none is computed.
     */
    private Set<Element> reaching(Element type) {
        TreePath classPath = trees.getPath(type);
        if (classPath == null) {
            return Set.of();
        }
        ClassEffects effects = new ClassEffects(classPath);
        effects.scan(classPath, null);
        // The summaries that the reach lets through read these declarations next.
        declarations.adopt(type, effects.methodPaths, effects.typePaths);
        if (!effects.anySource) {
            return Set.of();
        }
        Map<Element, List<Element>> callers = new HashMap<>();
        effects.calls.forEach((caller, callees) -> {
            for (ExecutableElement callee : callees) {
                if (effects.methodPaths.containsKey(callee) && summarisable.test(callee)) {
                    callers.computeIfAbsent(callee, k -> new ArrayList<>()).add(caller);
                }
            }
        });
        Set<Element> found = new HashSet<>(effects.direct);
        Deque<Element> work = new ArrayDeque<>(effects.direct);
        while (!work.isEmpty()) {
            for (Element caller : callers.getOrDefault(work.pop(), List.of())) {
                if (found.add(caller)) {
                    work.add(caller);
                }
            }
        }
        return found;
    }

    /**
     * One walk over a top-level class, with paths only for its method and class declarations (javac
     * reads only the leaf of an attributed tree, so the class is parent enough for the rest): where its
     * methods and classes are declared, the methods whose own bodies do something a summary records (a
     * {@code close()}, or what {@link #bringsOwned} names) or that return an arena, the methods each
     * body calls, and whether anything anywhere brings an owned value in. A method's own body is its
     * code outside the lambdas and classes in it, which are bodies of their own. Walking each method
     * again with a path per node, besides a walk to index the methods, was most of the summaries' cost
     * on FFM code.
     */
    private final class ClassEffects extends OnDemandPathScanner<Void, Void> {
        private final TreePath root;
        private final Map<Element, TreePath> methodPaths = new HashMap<>();
        private final Map<Element, TreePath> typePaths = new HashMap<>();
        private final Set<Element> direct = new HashSet<>();
        private final Map<Element, List<ExecutableElement>> calls = new HashMap<>();
        private boolean anySource;
        // The method whose own body the walk is in; null outside every method, and in a lambda or class in one.
        private Element current;

        ClassEffects(TreePath root) {
            this.root = root;
        }

        @Override
        public Void scan(Tree tree, Void unused) {
            if (tree != null && isEffectKind(tree)) {
                effect(tree);
            }
            return super.scan(tree, unused);
        }

        /**
         * A method invocation, {@code new} or assignment. In a method's own body it makes the method matter
         * when it brings an owned value or is a {@code close()}; until then the callees it looks at are kept.
         */
        private void effect(Tree tree) {
            Element method = current;
            if (anySource && (method == null || direct.contains(method))) {
                return;
            }
            Consumer<ExecutableElement> callees = method == null ? callee -> { }
                    : callee -> calls.computeIfAbsent(method, k -> new ArrayList<>()).add(callee);
            boolean brings = bringsOwned(new TreePath(root, tree), callees);
            anySource |= brings;
            boolean closes = tree instanceof MethodInvocationTree call && OwnershipTrees.isCloseCall(call);
            if (method != null && (brings || closes)) {
                direct.add(method);
            }
        }

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
            TreePath path = getCurrentPath();
            Element method = trees.getElement(path);
            if (method != null) {
                methodPaths.put(method, path);
                anySource = anySource || isSource(node, path);
                if (returnsArena(method)) {
                    direct.add(method);
                }
            }
            return within(method, () -> super.visitMethod(node, unused));
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            TreePath path = getCurrentPath();
            Element type = trees.getElement(path);
            if (type != null) {
                typePaths.put(type, path);
            }
            for (Tree member : node.getMembers()) {
                // Fields are members: a local variable is never an owned field.
                if (member instanceof VariableTree && !anySource) {
                    anySource = isSource(member, new TreePath(root, member));
                }
            }
            return within(null, () -> super.visitClass(node, unused));
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
            return within(null, () -> super.visitLambdaExpression(node, unused));
        }

        private Void within(Element method, Supplier<Void> walk) {
            Element outer = current;
            current = method;
            try {
                return walk.get();
            } finally {
                current = outer;
            }
        }
    }

    /** A method that returns an arena hands on what it returns: an arena it made, or one it was given. */
    private boolean returnsArena(Element method) {
        return method instanceof ExecutableElement executable && annotations.isArenaResult(executable);
    }

    private static boolean isEffectKind(Tree tree) {
        return tree instanceof MethodInvocationTree || tree instanceof NewClassTree || tree instanceof AssignmentTree;
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
