package org.allocdiscipline.processor.rules.engine;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
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
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.allocdiscipline.processor.flow.OnDemandPathScanner;
import org.allocdiscipline.processor.ownership.EffectRecorder;
import org.allocdiscipline.processor.ownership.OwnershipAnalysis.CallOwnership;
import org.allocdiscipline.processor.rules.api.CodeBody;
import org.allocdiscipline.processor.rules.api.Memo;
import org.allocdiscipline.processor.rules.api.SharedAnalyses;

/**
 * Finds every code body of a top-level class, nested, local and anonymous classes and lambdas
 * included, in source order, and names each with a signature that does not depend on line numbers
 * or on the compiler's numbering of anonymous classes. The same walk records for the summaries of the
 * class's methods what those methods do with owned values ({@link SharedAnalyses#recordEffects}), so
 * that the summaries need no walk of their own.
 */
public final class BodyCollector {
    private final Trees trees;
    private final Types types;
    private final Elements elements;
    private final CandidateNames candidateNames;
    // Null when every call counts as one that carries ownership.
    private final SharedAnalyses analyses;

    /**
     * Creates a collector that counts every call as one that may carry ownership.
     *
     * @param trees the compiler's tree utilities
     * @param types type utilities, to erase parameter types in signatures
     * @param elements element utilities, to skip members the compiler generated
     */
    public BodyCollector(Trees trees, Types types, Elements elements) {
        this(trees, types, elements, new CandidateNames(elements), null);
    }

    /**
     * Creates the collector.
     *
     * @param trees the compiler's tree utilities
     * @param types type utilities, to erase parameter types in signatures
     * @param elements element utilities, to skip members the compiler generated
     * @param candidateNames the names of global allocators and arena factories, to list the candidates
     * @param analyses tells whether a method invocation or {@code new} carries ownership (see
     *     {@link org.allocdiscipline.processor.rules.api.BodyParts#callsCarryOwnership()}), asked at most until
     *     it says yes once per body, and records for the summaries what the walk finds
     *     ({@link SharedAnalyses#recordEffects}); {@code null} counts every call as carrying ownership
     */
    BodyCollector(Trees trees, Types types, Elements elements, CandidateNames candidateNames,
            SharedAnalyses analyses) {
        this.trees = trees;
        this.types = types;
        this.elements = elements;
        this.candidateNames = candidateNames;
        this.analyses = analyses;
    }

    /**
     * The bodies of a class and everything nested in it.
     *
     * @param classPath path to a top-level class
     * @return the bodies in source order
     */
    public List<CodeBody> collect(TreePath classPath) {
        return collectAll(classPath).bodies();
    }

    /**
     * The bodies and the class declarations of a class and everything nested in it, in one walk.
     *
     * @param classPath path to a top-level class
     * @return the bodies and classes, each in source order
     */
    public Collected collectAll(TreePath classPath) {
        EffectRecorder recorder = analyses == null ? null : analyses.recordEffects(classPath);
        Walker walker = new Walker(classPath, recorder == null ? null : new GuardedRecorder(recorder));
        walker.scan(classPath, null);
        if (walker.effects != null) {
            walker.effects.finish();
        }
        if (analyses != null) {
            // Only now, with the walk's effects recorded, can the summaries of the class's methods be read.
            for (CollectedParts parts : walker.parts) {
                parts.testDeferred(analyses::carriesOwnership);
            }
        }
        return new Collected(walker.bodies, walker.classes);
    }

    /**
     * What a walk over a class found.
     *
     * @param bodies the code bodies, in source order
     * @param classes the class declarations (the top-level one first, then nested, local and anonymous ones)
     */
    public record Collected(List<CodeBody> bodies, List<DeclaredClass> classes) {
        /** Copies the lists. */
        public Collected {
            bodies = List.copyOf(bodies);
            classes = List.copyOf(classes);
        }
    }

    /**
     * One class declaration.
     *
     * @param declaration path to the {@code ClassTree}
     * @param signature its stable name, as bodies inside it are named
     */
    public record DeclaredClass(TreePath declaration, String signature) {
    }

    /** Walks one class; {@code owners} holds the signature of the innermost named code around the walker. */
    private final class Walker extends OnDemandPathScanner<Void, Void> {
        private final List<CodeBody> bodies = new ArrayList<>();
        private final List<CollectedParts> parts = new ArrayList<>();
        private final List<DeclaredClass> classes = new ArrayList<>();
        private final Deque<String> classNames = new ArrayDeque<>();
        private final Deque<Owner> owners = new ArrayDeque<>();
        // The body whose parts the walk is in; NONE between bodies (class members' headers, lambda parameters).
        private final Deque<CollectedParts> active = new ArrayDeque<>(List.of(CollectedParts.NONE));
        // Bodies found but not entered yet, with their root trees: entering that tree enters the body.
        // A body's root comes right after its declaration's header, so only the latest can be next.
        private final Deque<Tree> pendingRoots = new ArrayDeque<>();
        private final Deque<CollectedParts> pendingParts = new ArrayDeque<>();
        // The parent given to the call test's paths: javac reads only the leaf of an attributed tree.
        private final TreePath root;
        // Null when no one records the walk's effects.
        private final EffectRecorder effects;

        Walker(TreePath root, EffectRecorder effects) {
            this.root = root;
            this.effects = effects;
        }

        @Override
        public Void scan(Tree tree, Void unused) {
            if (tree == null || pendingRoots.peek() != tree) {
                return super.scan(tree, unused);
            }
            pendingRoots.pop();
            return within(pendingParts.pop(), () -> super.scan(tree, unused));
        }

        /** Walks with this owner as the named code around the walk (what bodies inside are named by). */
        private Void owning(Owner owner, Supplier<Void> walk) {
            owners.push(owner);
            try {
                return walk.get();
            } finally {
                owners.pop();
            }
        }

        private Void within(CollectedParts parts, Supplier<Void> walk) {
            active.push(parts);
            try {
                return walk.get();
            } finally {
                active.pop();
            }
        }

        private CollectedParts enter(Tree bodyRoot) {
            CollectedParts parts = newParts();
            pendingRoots.push(bodyRoot);
            pendingParts.push(parts);
            return parts;
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
            if (namedLikeGlobal(node.getName())) {
                active.peek().candidate(getCurrentPath());
            }
            return super.visitIdentifier(node, unused);
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree node, Void unused) {
            if (namedLikeGlobal(node.getIdentifier())) {
                active.peek().candidate(getCurrentPath());
            }
            return super.visitMemberSelect(node, unused);
        }

        private CollectedParts newParts() {
            CollectedParts made = new CollectedParts();
            parts.add(made);
            return made;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            testCall(node);
            return super.visitMethodInvocation(node, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree node, Void unused) {
            testCall(node);
            return super.visitNewClass(node, unused);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
            if (effects != null) {
                effects.effect(node);
            }
            return super.visitAssignment(node, unused);
        }

        @Override
        public Void visitTry(TryTree node, Void unused) {
            if (effects != null) {
                effects.tryResources(node);
            }
            return super.visitTry(node, unused);
        }

        /** Records the call's effect, and tests the call unless its body already has one that carries ownership. */
        private void testCall(Tree call) {
            if (effects != null) {
                effects.effect(call);
            }
            CollectedParts parts = active.peek();
            if (!parts.testsCalls()) {
                return;
            }
            TreePath path = new TreePath(root, call);
            switch (analyses == null ? CallOwnership.CARRIES : analyses.callOwnership(path)) {
                case CARRIES -> parts.markOwnershipCall();
                case BY_SUMMARY -> parts.defer(path);
                case NONE -> { }
            }
        }

        /** Walks a tree with the recorder only, where javac's own code or an unresolved one lists no body. */
        private Void recordOnly() {
            if (effects != null) {
                effects.walk(getCurrentPath());
            }
            return null;
        }

        /** Walks with the recorder told that the walk is in this class, method or lambda. */
        private Void entered(Element outer, Supplier<Void> walk) {
            try {
                return walk.get();
            } finally {
                if (effects != null) {
                    effects.leave(outer);
                }
            }
        }

        private boolean namedLikeGlobal(Name name) {
            return candidateNames.matches(name);
        }

        private record Owner(Supplier<String> signature, Element element) {
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            active.peek().markNestedCode();
            TreePath path = getCurrentPath();
            Element element = trees.getElement(path);
            String name = className(node, element);
            classNames.push(name);
            classes.add(new DeclaredClass(path, name));
            Element outer = effects == null ? null : effects.enterClass(path);
            try {
                return entered(outer, () -> owning(new Owner(() -> name, element),
                        () -> within(CollectedParts.NONE, () -> super.visitClass(node, unused))));
            } finally {
                classNames.pop();
            }
        }

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
            TreePath path = getCurrentPath();
            Element element = trees.getElement(path);
            // Default constructors and record members that javac adds to the tree are nobody's code.
            if (element == null || elements.getOrigin(element) != Elements.Origin.EXPLICIT) {
                return recordOnly();
            }
            Supplier<String> signature = methodSignature(node, element);
            if (node.getBody() != null) {
                bodies.add(new CodeBody(CodeBody.Kind.METHOD, path, new TreePath(path, node.getBody()), element,
                        signature, enter(node.getBody())));
            }
            Element outer = effects == null ? null : effects.enterMethod(path);
            return entered(outer, () -> owning(new Owner(signature, element), () -> super.visitMethod(node, unused)));
        }

        @Override
        public Void visitVariable(VariableTree node, Void unused) {
            if (!(parentTree() instanceof ClassTree)) {
                return super.visitVariable(node, unused);
            }
            TreePath path = getCurrentPath();
            Element element = trees.getElement(path);
            if (element == null) {
                return recordOnly();
            }
            String className = classNames.peek();
            Name fieldName = node.getName();
            Supplier<String> signature = Memo.of(() -> className + "." + fieldName);
            if (node.getInitializer() != null) {
                bodies.add(new CodeBody(CodeBody.Kind.FIELD_INITIALIZER, path,
                        new TreePath(path, node.getInitializer()), element, signature, enter(node.getInitializer())));
            }
            return owning(new Owner(signature, element), () -> super.visitVariable(node, unused));
        }

        @Override
        public Void visitBlock(BlockTree node, Void unused) {
            if (!(parentTree() instanceof ClassTree)) {
                return super.visitBlock(node, unused);
            }
            TreePath path = getCurrentPath();
            String name = classNames.peek() + (node.isStatic() ? ".<clinit>" : ".<init>{}");
            Supplier<String> signature = () -> name;
            Element classElement = owners.peek().element();
            CollectedParts parts = newParts();
            bodies.add(new CodeBody(CodeBody.Kind.INITIALIZER, path, path, classElement, signature, parts));
            // The walk is already in the block: enter its body here rather than through scan().
            return owning(new Owner(signature, classElement),
                    () -> within(parts, () -> super.visitBlock(node, unused)));
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree node, Void unused) {
            active.peek().markNestedCode();
            return super.visitMemberReference(node, unused);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
            active.peek().markNestedCode();
            TreePath path = getCurrentPath();
            Owner owner = owners.peek();
            bodies.add(new CodeBody(CodeBody.Kind.LAMBDA, path, new TreePath(path, node.getBody()), owner.element(),
                    owner.signature(), enter(node.getBody())));
            // The parameters belong to no body; the lambda's body is entered through scan().
            Element outer = effects == null ? null : effects.enterLambda();
            return entered(outer, () -> within(CollectedParts.NONE, () -> super.visitLambdaExpression(node, unused)));
        }

        private String className(ClassTree node, Element element) {
            // javac gives local classes their simple name as "qualified" name: name them by their method.
            if (element instanceof TypeElement type && !type.getQualifiedName().isEmpty()
                    && type.getNestingKind() != NestingKind.LOCAL && type.getNestingKind() != NestingKind.ANONYMOUS) {
                return type.getQualifiedName().toString();
            }
            String around = owners.isEmpty() ? "" : owners.peek().signature().get() + ".";
            if (!node.getSimpleName().isEmpty()) {
                return around + node.getSimpleName();
            }
            // Anonymous: named by what it instantiates, not by javac's $1, $2 numbering,
            // which shifts when another anonymous class is added above.
            Tree parent = getCurrentPath().getParentPath().getLeaf();
            String instantiated = parent instanceof NewClassTree created ? created.getIdentifier().toString() : "?";
            return around + "new " + instantiated + "(){}";
        }

        // Spelled out only when a message or fingerprint needs it: erasing and printing every
        // parameter type of every method was a tenth of the checker's time on code without findings.
        private Supplier<String> methodSignature(MethodTree node, Element element) {
            String className = classNames.peek();
            return Memo.of(() -> {
                String name = element instanceof ExecutableElement method
                        && method.getKind() == javax.lang.model.element.ElementKind.CONSTRUCTOR
                        ? "<init>" : node.getName().toString();
                // A loop, not a stream: this runs once per finding, in code the JIT has rarely compiled yet.
                StringBuilder signature = new StringBuilder(className).append('.').append(name).append('(');
                if (element instanceof ExecutableElement method) {
                    String separator = "";
                    for (VariableElement parameter : method.getParameters()) {
                        signature.append(separator).append(types.erasure(parameter.asType()));
                        separator = ",";
                    }
                }
                return signature.append(')').toString();
            });
        }
    }
}
