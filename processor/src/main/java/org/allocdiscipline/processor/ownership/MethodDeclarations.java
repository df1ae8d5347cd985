package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import org.allocdiscipline.processor.flow.OnDemandPathScanner;

/**
 * The declarations of the methods and classes of one top-level class, found by one walk of its tree.
 * {@link Trees#getPath(Element)} searches the whole compilation unit on every call, so asking it for
 * each method a class calls made summaries quadratic in the size of a class (about 20 times the
 * checker's own time on commons-lang3). Only the class being checked is kept: javac rewrites a class's
 * trees after it is analysed, and the summaries never read another class's bodies.
 */
final class MethodDeclarations {
    private final Trees trees;
    private Element top;
    private Map<Element, TreePath> methods = Map.of();
    private Map<Element, TreePath> types = Map.of();

    MethodDeclarations(Trees trees) {
        this.trees = trees;
    }

    /**
     * @param method a method or constructor declared in {@code top}, or in a class nested in it
     * @param top    the outermost class that declares it
     * @return the path to its declaration, or {@code null} when it has none in this compilation
     */
    TreePath of(Element method, Element top) {
        index(top);
        return methods.get(method);
    }

    /**
     * @param type a class declared in {@code top} or nested in it (local and anonymous classes too)
     * @param top  its outermost class
     * @return the path to its declaration, or {@code null} when {@code top} does not declare it
     */
    TreePath type(Element type, Element top) {
        index(top);
        return types.get(type);
    }

    /**
     * Takes the declarations of a top-level class from a walk made for another purpose, instead of
     * walking the class again.
     *
     * @param top an outermost class
     * @param methods the paths to all its methods and constructors (nested classes' included), by element
     * @param types the paths to it and every class declared in it, by element
     */
    void adopt(Element top, Map<Element, TreePath> methods, Map<Element, TreePath> types) {
        this.top = top;
        this.methods = methods;
        this.types = types;
    }

    private void index(Element type) {
        if (type.equals(this.top)) {
            return;
        }
        this.top = type;
        TreePath path = trees.getPath(type);
        Map<Element, TreePath> foundMethods = new HashMap<>();
        Map<Element, TreePath> foundTypes = new HashMap<>();
        if (path != null) {
            // Paths only for the declarations kept: one per node visited was a third of the index's time.
            new OnDemandPathScanner<Void, Void>() {
                @Override
                public Void visitMethod(MethodTree method, Void unused) {
                    add(foundMethods);
                    return super.visitMethod(method, unused);
                }

                @Override
                public Void visitClass(ClassTree declaration, Void unused) {
                    add(foundTypes);
                    return super.visitClass(declaration, unused);
                }

                private void add(Map<Element, TreePath> found) {
                    TreePath current = getCurrentPath();
                    Element element = trees.getElement(current);
                    if (element != null) {
                        found.put(element, current);
                    }
                }
            }.scan(path, null);
        }
        this.methods = foundMethods;
        this.types = foundTypes;
    }
}
