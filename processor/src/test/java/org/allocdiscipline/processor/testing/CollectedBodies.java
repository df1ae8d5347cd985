package org.allocdiscipline.processor.testing;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import org.allocdiscipline.processor.rules.api.CodeBody;
import org.allocdiscipline.processor.rules.engine.BodyCollector;

/**
 * The bodies of a compilation unit as the checker finds them ({@link BodyCollector}, class by class),
 * given as the declarations that the graph builder and the ownership analysis take.
 */
public final class CollectedBodies {
    private CollectedBodies() {
    }

    /**
     * Every body of every class declared in a unit, in source order.
     *
     * @param task the task that attributed the unit
     * @param unit the unit
     * @return paths to each body's {@code MethodTree}, {@code LambdaExpressionTree}, initializer
     *     {@code BlockTree} or field {@code VariableTree}
     */
    public static List<TreePath> of(JavacTask task, CompilationUnitTree unit) {
        BodyCollector collector = new BodyCollector(Trees.instance(task), task.getTypes(), task.getElements());
        TreePath unitPath = new TreePath(unit);
        List<TreePath> bodies = new ArrayList<>();
        for (Tree declaration : unit.getTypeDecls()) {
            if (declaration instanceof ClassTree) {
                for (CodeBody body : collector.collect(new TreePath(unitPath, declaration))) {
                    bodies.add(body.declaration());
                }
            }
        }
        return bodies;
    }
}
