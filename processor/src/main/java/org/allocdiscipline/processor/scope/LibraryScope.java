package org.allocdiscipline.processor.scope;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * Which code is library code, and where a rule is silenced. Both questions are answered from the
 * tree path, not from elements alone, so that lambdas, anonymous and local classes inside an exempt
 * or suppressed method share its status: they sit below it on the path.
 */
public final class LibraryScope {
    /** The {@code @SuppressWarnings} key that silences every rule of this checker. */
    public static final String SUPPRESS_ALL = "allocdiscipline";

    private final Trees trees;

    /**
     * Creates the policy.
     *
     * @param trees the compiler's tree utilities, to find the element of each enclosing declaration
     */
    public LibraryScope(Trees trees) {
        this.trees = trees;
    }

    /**
     * Whether the code at a path is library code: not inside a launcher entry point, not inside an
     * element annotated {@code @ChoosesAllocator} (a class covers its members and nested classes), and
     * not inside a test root (see {@link EntryPoints}): a test or lifecycle method, a class with
     * TestNG's class-level {@code @Test}, or a field initializer or initializer block of a class that
     * declares a test or lifecycle method.
     *
     * @param path any path into a compilation unit
     * @return false for code of a composition root
     */
    public boolean isLibraryCode(TreePath path) {
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            if (isInitializerOfTestClass(p)) {
                return false;
            }
            Element element = declaredElement(p);
            if (element == null) {
                continue;
            }
            if (ApiModel.has(element, ApiModel.CHOOSES_ALLOCATOR)) {
                return false;
            }
            if (element instanceof ExecutableElement method
                    && (EntryPoints.isEntryPoint(method) || EntryPoints.isTestMethod(method))) {
                return false;
            }
            if (element instanceof TypeElement type && EntryPoints.isTestClass(type)) {
                return false;
            }
            if (element.getKind() == ElementKind.FIELD && element.getEnclosingElement() instanceof TypeElement owner
                    && EntryPoints.declaresTestMethod(owner)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the code at a path was written by a tool: an enclosing declaration is annotated
     * {@code @Generated} ({@link ApiModel#GENERATED}, by name), as jextract's bindings are.
     *
     * @param path any path into a compilation unit
     * @return true for generated code
     */
    public boolean isGenerated(TreePath path) {
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            Element element = declaredElement(p);
            if (element != null && ApiModel.hasAny(element, ApiModel.GENERATED)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a rule is silenced at a path by {@code @SuppressWarnings("<rule-id>")} or
     * {@code @SuppressWarnings("allocdiscipline")} on any enclosing declaration, local variables
     * included.
     *
     * @param path any path into a compilation unit
     * @param ruleId the rule's id
     * @return true if the rule must not report there
     */
    public boolean isSuppressed(TreePath path, String ruleId) {
        List<String> keys = List.of(ruleId, SUPPRESS_ALL);
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            Element element = declaredElement(p);
            if (element != null && Annotations.suppresses(element, keys)) {
                return true;
            }
        }
        return false;
    }

    /** An initializer block (static or not) of a class that declares a test or lifecycle method. */
    private boolean isInitializerOfTestClass(TreePath path) {
        TreePath parent = path.getParentPath();
        return path.getLeaf().getKind() == Tree.Kind.BLOCK && parent != null
                && parent.getLeaf() instanceof ClassTree
                && trees.getElement(parent) instanceof TypeElement owner && EntryPoints.declaresTestMethod(owner);
    }

    private Element declaredElement(TreePath path) {
        Tree.Kind kind = path.getLeaf().getKind();
        boolean declaration = switch (kind) {
            case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION_TYPE, METHOD, VARIABLE -> true;
            default -> false;
        };
        return declaration ? trees.getElement(path) : null;
    }
}
