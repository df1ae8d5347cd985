package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import org.allocdiscipline.processor.flow.OnDemandPathScanner;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * The arenas a class keeps without {@code @Owned}: an instance field that holds an {@code Arena} owns it
 * only where the class itself stores an arena it made into the field ({@code Arena.ofConfined()},
 * {@code Arena.ofShared()}, {@code new} of an {@code Arena} class, in the field's initializer or an
 * assignment anywhere in the class). A field that receives an automatic or global arena, or one from a
 * parameter (a hand-off whose owner is the caller), owes nothing. One answer per class, cached.
 */
final class ArenaFields {
    /**
     * What a class does with its arena fields.
     *
     * @param owning the fields it stores an arena it made into
     * @param closed the fields some method of the class closes
     */
    private record Uses(Set<Element> owning, Set<Element> closed) {
    }

    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final Map<Tree, Uses> classes = new IdentityHashMap<>();

    ArenaFields(Trees trees, OwnershipAnnotations annotations) {
        this.trees = trees;
        this.annotations = annotations;
    }

    /** Whether the class owns the arena its field holds, and so must close it. */
    boolean owns(TreePath classPath, Element field) {
        return !field.getModifiers().contains(Modifier.STATIC) && annotations.isOwnedField(field)
                && uses(classPath).owning().contains(field);
    }

    /**
     * Whether some method of the class closes the field: without a {@code close()}, that method (a
     * {@code Cleaner}'s action, a {@code destroy()}) is taken to be how the object gives its arena back.
     */
    boolean closedByAMethod(TreePath classPath, Element field) {
        return uses(classPath).closed().contains(field);
    }

    /**
     * Whether an arena stored into the field is handed over to the object: the field is {@code @Owned}, or
     * some method of its class closes it ({@code close()}, a {@code Cleaner} action's {@code run()}). A
     * field that nothing closes only borrows what a constructor or setter stores into it.
     */
    boolean takesOver(TreePath classPath, Element field) {
        return ApiModel.has(field, ApiModel.OWNED) || closedByAMethod(classPath, field);
    }

    private Uses uses(TreePath classPath) {
        return classes.computeIfAbsent(classPath.getLeaf(), tree -> scan(classPath));
    }

    private Uses scan(TreePath classPath) {
        Set<Element> owning = new HashSet<>();
        Set<Element> closed = new HashSet<>();
        // Paths only for the trees it asks javac about.
        new OnDemandPathScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree type, Void unused) {
                // Nested classes keep their own fields.
                return type == classPath.getLeaf() ? super.visitClass(type, unused) : null;
            }

            @Override
            public Void visitVariable(VariableTree variable, Void unused) {
                if (variable.getInitializer() != null && isMadeArena(variable.getInitializer(), getCurrentPath())) {
                    addField(owning, trees.getElement(getCurrentPath()));
                }
                return super.visitVariable(variable, unused);
            }

            @Override
            public Void visitAssignment(AssignmentTree assignment, Void unused) {
                if (isMadeArena(assignment.getExpression(), getCurrentPath())) {
                    addField(owning, trees.getElement(new TreePath(getCurrentPath(), assignment.getVariable())));
                }
                return super.visitAssignment(assignment, unused);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (OwnershipTrees.isCloseCall(call) && call.getMethodSelect() instanceof MemberSelectTree select) {
                    addField(closed, trees.getElement(new TreePath(getCurrentPath(), select.getExpression())));
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(classPath, null);
        return new Uses(owning, closed);
    }

    private static void addField(Set<Element> fields, Element element) {
        if (element != null && element.getKind() == ElementKind.FIELD) {
            fields.add(element);
        }
    }

    /** {@code Arena.ofConfined()}, {@code Arena.ofShared()} or {@code new} of an {@code Arena} class. */
    private boolean isMadeArena(ExpressionTree expression, TreePath parent) {
        ExpressionTree tree = OwnershipTrees.skipParens(expression);
        TreePath path = new TreePath(parent, tree);
        if (tree instanceof NewClassTree) {
            return annotations.isOwnedType(trees.getTypeMirror(path)) && annotations.isRegionType(trees.getTypeMirror(path));
        }
        if (tree instanceof MethodInvocationTree && trees.getElement(path) instanceof ExecutableElement method) {
            ApiModel.ArenaKind kind = ApiModel.arenaKind(method);
            return kind != null && kind.owned();
        }
        return false;
    }
}
