package org.allocdiscipline.processor.scope;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    private static final java.util.regex.Pattern GENERATED_HEADER =
            java.util.regex.Pattern.compile("(?i)(//|/\\*|\\*).*\\bgenerated\\b");
    private static final int HEADER_LIMIT = 2000;

    private final Trees trees;
    // Asked for every field initializer and initializer block, each time reading all members of the class.
    private final Map<TypeElement, Boolean> testClasses = new HashMap<>();
    // What isLibraryCode says from each class of classUnit up; by identity, as javac's trees compare.
    private final Map<ClassTree, Boolean> libraryClasses = new IdentityHashMap<>();
    private CompilationUnitTree classUnit;
    private CompilationUnitTree headerUnit;
    private boolean headerGenerated;

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
            if (p.getLeaf() instanceof ClassTree type) {
                return classIsLibraryCode(type, p);
            }
            if (!isLibraryCodeAt(p)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What {@link #isLibraryCode} says from a class up, kept per class of the current unit: every
     * body of a class asks it, and the answer depends only on the class's place in its unit.
     */
    private boolean classIsLibraryCode(ClassTree type, TreePath path) {
        if (path.getCompilationUnit() != classUnit) {
            classUnit = path.getCompilationUnit();
            libraryClasses.clear();
        }
        Boolean known = libraryClasses.get(type);
        if (known == null) {
            known = true;
            for (TreePath p = path; p != null && known; p = p.getParentPath()) {
                known = isLibraryCodeAt(p);
            }
            libraryClasses.put(type, known);
        }
        return known;
    }

    /** Whether the declaration at the end of a path, by itself, leaves its code library code. */
    private boolean isLibraryCodeAt(TreePath p) {
        if (isInitializerOfTestClass(p)) {
            return false;
        }
        Element element = declaredElement(p);
        if (element == null) {
            return true;
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
        return !(element.getKind() == ElementKind.FIELD && element.getEnclosingElement() instanceof TypeElement owner
                && declaresTestMethod(owner));
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
        return hasGeneratedHeader(path.getCompilationUnit());
    }

    /**
     * Whether the comment above the file's {@code package} line says the file was generated, as
     * jextract's "// Generated by jextract" does (jextract writes no {@code @Generated}). Read once per file.
     */
    private boolean hasGeneratedHeader(CompilationUnitTree unit) {
        if (unit != headerUnit) {
            headerUnit = unit;
            headerGenerated = false;
            try {
                CharSequence text = unit.getSourceFile().getCharContent(true);
                long packageStart = unit.getPackage() == null ? -1
                        : trees.getSourcePositions().getStartPosition(unit, unit.getPackage());
                int end = (int) Math.min(text.length(), packageStart < 0 ? HEADER_LIMIT : packageStart);
                headerGenerated = GENERATED_HEADER.matcher(text.subSequence(0, end)).find();
            } catch (java.io.IOException | RuntimeException unreadable) {
                headerGenerated = false;
            }
        }
        return headerGenerated;
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
                && trees.getElement(parent) instanceof TypeElement owner && declaresTestMethod(owner);
    }

    private boolean declaresTestMethod(TypeElement type) {
        return testClasses.computeIfAbsent(type, EntryPoints::declaresTestMethod);
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
