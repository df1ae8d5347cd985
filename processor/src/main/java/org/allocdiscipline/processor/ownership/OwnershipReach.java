package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import org.allocdiscipline.processor.flow.OnDemandPathScanner;

/**
 * Which methods of one top-level class may do anything a summary records, directly or through the
 * class's own summarisable methods: a {@code close()}, a {@code return} of an arena, or a call or
 * {@code new} that carries ownership by its annotations, a {@code new} of an owned type or a store into an
 * {@code @Owned} or arena field, where what it does can show in the summary ({@code ClassEffects#recorded}). It is a reachability question over the class's call graph, answered once
 * per class in linear time; asking it through the summaries themselves made every method that calls
 * into a recursive helper look relevant (the helper's "in progress" assumption) and be analysed again
 * and again.
 */
final class OwnershipReach {
    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final MethodDeclarations declarations;
    private Element top;
    private Set<Element> reaching = Set.of();

    OwnershipReach(Trees trees, OwnershipAnnotations annotations, MethodDeclarations declarations) {
        this.trees = trees;
        this.annotations = annotations;
        this.declarations = declarations;
    }

    /**
     * @param method a method declared in {@code top} or a class nested in it
     * @param top    its outermost class
     * @return false when neither its body nor any of the class's own methods it calls does anything a
     *         summary records
     */
    boolean mayMatter(Element method, Element top) {
        if (!top.equals(this.top)) {
            TreePath classPath = trees.getPath(top);
            if (classPath == null) {
                this.top = top;
                this.reaching = Set.of();
            } else {
                ClassEffects effects = new ClassEffects(top, classPath);
                new EffectsWalk(effects).scan(classPath, null);
                effects.finish();
            }
        }
        return reaching.contains(method);
    }

    /**
     * Takes in what a walk that someone makes over a class anyway finds for the reach; once the walk
     * {@linkplain EffectRecorder#finish finishes}, the summaries of the class's methods read it instead of
     * walking the class again.
     *
     * @param classPath path to a top-level class
     * @return the recorder for that walk
     */
    EffectRecorder record(TreePath classPath) {
        return new ClassEffects(trees.getElement(classPath), classPath);
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
        // if/else rather than a switch over types: such a switch is a class each fresh javac process spins,
        // and the class screen asks this of every class.
        if (tree instanceof MethodTree) {
            return trees.getElement(path) instanceof ExecutableElement executable
                    && (returnsArena(executable) || carriesByAnnotations(executable));
        }
        if (tree instanceof VariableTree) {
            return trees.getElement(path) instanceof Element field
                    && field.getKind() == ElementKind.FIELD && annotations.isOwnedField(field);
        }
        return bringsOwned(path, null);
    }

    /**
     * The methods that do something a summary records, or call one of the class's own summarisable
     * methods that does. Empty when nothing anywhere in the class brings an owned value in
     * ({@link #isSource}): then no body of the class ever holds an owned value, so no summary can change
     * a finding and none is computed.
     */
    private Set<Element> reaching(Element type, ClassEffects effects) {
        // The summaries that the reach lets through read these declarations next.
        declarations.adopt(type, effects.methodPaths, effects.typePaths);
        if (!effects.anySource) {
            return Set.of();
        }
        Map<Element, List<Element>> callers = new HashMap<>();
        for (Map.Entry<Element, List<ExecutableElement>> calls : effects.calls.entrySet()) {
            for (ExecutableElement callee : calls.getValue()) {
                if (effects.methodPaths.containsKey(callee) && MethodSummaries.summarisable(callee)) {
                    callers.computeIfAbsent(callee, k -> new ArrayList<>()).add(calls.getKey());
                }
            }
        }
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
     * What one walk over a top-level class finds for the reach, with paths only for its method and class
     * declarations (javac reads only the leaf of an attributed tree, so the class is parent enough for the
     * rest): where its methods and classes are declared, the methods whose own bodies do something a
     * summary records (a {@code close()}, or what {@link #bringsOwned} names where it can show in the
     * summary) or that return an arena, the methods each body calls, and whether anything anywhere
     * brings an owned value in. A method's own body is its code outside the lambdas and classes in it,
     * which are bodies of their own. The walk is the body collector's, which walks the class anyway
     * ({@link EffectRecorder}), or else {@link EffectsWalk}.
     */
    private final class ClassEffects implements EffectRecorder {
        private final Element type;
        private final TreePath root;
        private final Map<Element, TreePath> methodPaths = new HashMap<>();
        private final Map<Element, TreePath> typePaths = new HashMap<>();
        private final Set<Element> direct = new HashSet<>();
        private final Map<Element, List<ExecutableElement>> calls = new HashMap<>();
        // The initializers of try-with-resources variables: what they make is closed when the try ends.
        private final Set<Tree> closedOnExit = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean anySource;
        // The method whose own body the walk is in; null outside every method, and in a lambda or class in one.
        private Element current;

        ClassEffects(Element type, TreePath root) {
            this.type = type;
            this.root = root;
        }

        /**
         * A method invocation, {@code new} or assignment. In a method's own body it makes the method matter
         * when it is a {@code close()}, or brings an owned value that can show in the method's summary
         * ({@link #recorded}); until then the callees it looks at are kept.
         */
        @Override
        public void effect(Tree tree) {
            Element method = current;
            if (anySource && (method == null || direct.contains(method))) {
                return;
            }
            List<ExecutableElement> callees = null;
            if (method != null) {
                callees = calls.get(method);
                if (callees == null) {
                    callees = new ArrayList<>();
                    calls.put(method, callees);
                }
            }
            TreePath path = new TreePath(root, tree);
            boolean brings = bringsOwned(path, callees);
            anySource |= brings;
            boolean closes = tree instanceof MethodInvocationTree call && OwnershipTrees.isCloseCall(call);
            if (method != null && (closes || brings && recorded(path, method))) {
                direct.add(method);
            }
        }

        /**
         * Whether what a tree that brings an owned value does can show in its method's summary, which
         * records only the parameters' and the {@code @Owned} fields' fates and a fresh result. A call that
         * takes an argument may take a parameter. A call that only makes a value (an owned result, an
         * owned object, a {@code SegmentAllocator} view) shows only as the method's result, so only in a
         * method that returns something and not when a try-with-resources closes it. A store into an owned
         * field shows in an instance method, which tracks its class's fields, and elsewhere only when
         * the stored value may be a parameter's: any value but a freshly made one. FFM code makes most such
         * calls as {@code try (Arena arena = Arena.ofConfined())} in methods whose summaries say nothing;
         * solving each of them was most of what the summaries cost.
         */
        private boolean recorded(TreePath path, Element method) {
            if (path.getLeaf() instanceof AssignmentTree assignment) {
                return tracksFields(method)
                        || !makesValue(new TreePath(path, OwnershipTrees.skipParens(assignment.getExpression())));
            }
            return takesArgument(path) || returnsValue(method) && !closedOnExit.contains(path.getLeaf());
        }

        @Override
        public void tryResources(TryTree node) {
            for (Tree resource : node.getResources()) {
                if (resource instanceof VariableTree variable && variable.getInitializer() != null) {
                    closedOnExit.add(variable.getInitializer());
                }
            }
        }

        @Override
        public Element enterMethod(TreePath path) {
            Element method = trees.getElement(path);
            if (method != null) {
                methodPaths.put(method, path);
                anySource = anySource || isSource(path.getLeaf(), path);
                if (returnsArena(method)) {
                    direct.add(method);
                }
            }
            return enter(method);
        }

        @Override
        public Element enterClass(TreePath path) {
            Element declared = trees.getElement(path);
            if (declared != null) {
                typePaths.put(declared, path);
            }
            for (Tree member : ((ClassTree) path.getLeaf()).getMembers()) {
                // Fields are members: a local variable is never an owned field.
                if (member instanceof VariableTree && !anySource) {
                    anySource = isSource(member, new TreePath(root, member));
                }
            }
            return enter(null);
        }

        @Override
        public Element enterLambda() {
            return enter(null);
        }

        private Element enter(Element method) {
            Element outer = current;
            current = method;
            return outer;
        }

        @Override
        public void leave(Element outer) {
            current = outer;
        }

        @Override
        public void walk(TreePath path) {
            new EffectsWalk(this).scan(path, null);
        }

        @Override
        public void finish() {
            top = type;
            reaching = reaching(type, this);
        }
    }

    /** A walk of its own over a class whose effects no other walk recorded. */
    private static final class EffectsWalk extends OnDemandPathScanner<Void, Void> {
        private final EffectRecorder effects;

        EffectsWalk(EffectRecorder effects) {
            this.effects = effects;
        }

        @Override
        public Void scan(Tree tree, Void unused) {
            if (tree != null && isEffectKind(tree)) {
                effects.effect(tree);
            }
            return super.scan(tree, unused);
        }

        @Override
        public Void visitTry(TryTree node, Void unused) {
            effects.tryResources(node);
            return super.visitTry(node, unused);
        }

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
            Element outer = effects.enterMethod(getCurrentPath());
            super.visitMethod(node, unused);
            effects.leave(outer);
            return null;
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            Element outer = effects.enterClass(getCurrentPath());
            super.visitClass(node, unused);
            effects.leave(outer);
            return null;
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
            Element outer = effects.enterLambda();
            super.visitLambdaExpression(node, unused);
            effects.leave(outer);
            return null;
        }
    }

    /** Whether a call or {@code new} takes an argument by its annotations. */
    private boolean takesArgument(TreePath call) {
        return trees.getElement(call) instanceof ExecutableElement callee && annotations.mayCarryOwnership(callee)
                && annotations.signature(callee).takesAny();
    }

    /** Whether an expression is a call or {@code new} whose value is one it makes: an owned result or object. */
    private boolean makesValue(TreePath expression) {
        Tree tree = expression.getLeaf();
        if (tree instanceof NewClassTree) {
            return annotations.isOwnedType(trees.getTypeMirror(expression));
        }
        return tree instanceof MethodInvocationTree && trees.getElement(expression) instanceof ExecutableElement callee
                && annotations.mayCarryOwnership(callee) && annotations.signature(callee).ownedResult();
    }

    /** Whether a method's summary has a result to record: a method, not a constructor, that returns a value. */
    private static boolean returnsValue(Element method) {
        return method instanceof ExecutableElement executable && executable.getKind() == ElementKind.METHOD
                && executable.getReturnType().getKind() != TypeKind.VOID;
    }

    /** Whether a method's summary records its class's {@code @Owned} fields: an instance method's does. */
    private static boolean tracksFields(Element method) {
        return method.getKind() == ElementKind.METHOD && !method.getModifiers().contains(Modifier.STATIC);
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
     * arena field. The callee of each call looked at goes to {@code callees}, unless that is null.
     */
    private boolean bringsOwned(TreePath path, List<ExecutableElement> callees) {
        Tree tree = path.getLeaf();
        if (tree instanceof MethodInvocationTree) {
            return callCarries(path, callees);
        }
        if (tree instanceof NewClassTree) {
            return annotations.isOwnedType(trees.getTypeMirror(path)) || callCarries(path, callees);
        }
        return tree instanceof AssignmentTree assignment && storesOwned(new TreePath(path, assignment.getVariable()));
    }

    /** Whether a call carries ownership by its annotations; its callee goes to {@code callees}, when given. */
    private boolean callCarries(TreePath call, List<ExecutableElement> callees) {
        if (!(trees.getElement(call) instanceof ExecutableElement callee)) {
            return false;
        }
        if (callees != null) {
            callees.add(callee);
        }
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
        // The view carries no @Owned of its own: that its allocations are owned is the API model's to say.
        if (annotations.isSegmentAllocatorView(method)) {
            return true;
        }
        if (!annotations.mayCarryOwnership(method)) {
            return false;
        }
        OwnershipAnnotations.Signature signature = annotations.signature(method);
        return signature.ownedResult() || signature.takesAny();
    }
}
