package org.allocdiscipline.processor.rules;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds every code body of a top-level class, nested, local and anonymous classes and lambdas
 * included, in source order, and names each with a signature that does not depend on line numbers
 * or on the compiler's numbering of anonymous classes.
 */
public final class BodyCollector {
    private final Trees trees;
    private final Types types;
    private final Elements elements;

    /**
     * Creates the collector.
     *
     * @param trees the compiler's tree utilities
     * @param types type utilities, to erase parameter types in signatures
     * @param elements element utilities, to skip members the compiler generated
     */
    public BodyCollector(Trees trees, Types types, Elements elements) {
        this.trees = trees;
        this.types = types;
        this.elements = elements;
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
        Walker walker = new Walker();
        walker.scan(classPath, null);
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
    private final class Walker extends TreePathScanner<Void, Void> {
        private final List<CodeBody> bodies = new ArrayList<>();
        private final List<DeclaredClass> classes = new ArrayList<>();
        private final Deque<String> classNames = new ArrayDeque<>();
        private final Deque<Owner> owners = new ArrayDeque<>();

        private record Owner(String signature, Element element) {
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            TreePath path = getCurrentPath();
            Element element = trees.getElement(path);
            classNames.push(className(node, element));
            classes.add(new DeclaredClass(path, classNames.peek()));
            try {
                owners.push(new Owner(classNames.peek(), element));
                try {
                    return super.visitClass(node, unused);
                } finally {
                    owners.pop();
                }
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
                return null;
            }
            String signature = methodSignature(node, element);
            if (node.getBody() != null) {
                bodies.add(new CodeBody(CodeBody.Kind.METHOD, path, new TreePath(path, node.getBody()), element,
                        signature));
            }
            owners.push(new Owner(signature, element));
            try {
                return super.visitMethod(node, unused);
            } finally {
                owners.pop();
            }
        }

        @Override
        public Void visitVariable(VariableTree node, Void unused) {
            TreePath path = getCurrentPath();
            if (!(path.getParentPath().getLeaf() instanceof ClassTree)) {
                return super.visitVariable(node, unused);
            }
            Element element = trees.getElement(path);
            if (element == null) {
                return null;
            }
            String signature = classNames.peek() + "." + node.getName();
            if (node.getInitializer() != null) {
                bodies.add(new CodeBody(CodeBody.Kind.FIELD_INITIALIZER, path,
                        new TreePath(path, node.getInitializer()), element, signature));
            }
            owners.push(new Owner(signature, element));
            try {
                return super.visitVariable(node, unused);
            } finally {
                owners.pop();
            }
        }

        @Override
        public Void visitBlock(BlockTree node, Void unused) {
            TreePath path = getCurrentPath();
            if (!(path.getParentPath().getLeaf() instanceof ClassTree)) {
                return super.visitBlock(node, unused);
            }
            String signature = classNames.peek() + (node.isStatic() ? ".<clinit>" : ".<init>{}");
            Element classElement = owners.peek().element();
            bodies.add(new CodeBody(CodeBody.Kind.INITIALIZER, path, path, classElement, signature));
            owners.push(new Owner(signature, classElement));
            try {
                return super.visitBlock(node, unused);
            } finally {
                owners.pop();
            }
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
            TreePath path = getCurrentPath();
            Owner owner = owners.peek();
            bodies.add(new CodeBody(CodeBody.Kind.LAMBDA, path, new TreePath(path, node.getBody()), owner.element(),
                    owner.signature()));
            return super.visitLambdaExpression(node, unused);
        }

        private String className(ClassTree node, Element element) {
            // javac gives local classes their simple name as "qualified" name: name them by their method.
            if (element instanceof TypeElement type && !type.getQualifiedName().isEmpty()
                    && type.getNestingKind() != NestingKind.LOCAL && type.getNestingKind() != NestingKind.ANONYMOUS) {
                return type.getQualifiedName().toString();
            }
            String around = owners.isEmpty() ? "" : owners.peek().signature() + ".";
            if (!node.getSimpleName().isEmpty()) {
                return around + node.getSimpleName();
            }
            // Anonymous: named by what it instantiates, not by javac's $1, $2 numbering,
            // which shifts when another anonymous class is added above.
            Tree parent = getCurrentPath().getParentPath().getLeaf();
            String instantiated = parent instanceof NewClassTree created ? created.getIdentifier().toString() : "?";
            return around + "new " + instantiated + "(){}";
        }

        private String methodSignature(MethodTree node, Element element) {
            String name = element instanceof ExecutableElement method
                    && method.getKind() == javax.lang.model.element.ElementKind.CONSTRUCTOR
                    ? "<init>" : node.getName().toString();
            String parameters = element instanceof ExecutableElement method
                    ? method.getParameters().stream()
                            .map(p -> types.erasure(p.asType()).toString())
                            .collect(Collectors.joining(","))
                    : "";
            return classNames.peek() + "." + name + "(" + parameters + ")";
        }
    }

    /**
     * Whether an element is static; a small helper for rules that word their messages by it.
     *
     * @param element any element
     * @return true if it is declared static
     */
    public static boolean isStatic(Element element) {
        return element.getModifiers().contains(Modifier.STATIC);
    }
}
