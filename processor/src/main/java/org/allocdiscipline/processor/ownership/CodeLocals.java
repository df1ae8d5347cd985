package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import org.allocdiscipline.processor.ffm.ThreadHops;
import org.allocdiscipline.processor.flow.Cfg;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.NodeKind;

/**
 * The code (lambda, method reference or anonymous class) that an expression of one body stands for: the
 * code itself, or a local declared with it and never assigned again, so that {@code return task;} hands on
 * what {@code Runnable task = () -> ...;} made. The body's locals are read once, on the first question
 * about a local: most bodies never ask.
 */
final class CodeLocals {
    private final Trees trees;
    private final Cfg graph;
    private Map<Element, TreePath> held;

    CodeLocals(Trees trees, Cfg graph) {
        this.trees = trees;
        this.graph = graph;
    }

    /**
     * @param expression the path to an expression of the body
     * @return the path to the code it stands for, or null when it is no code and no local that holds code
     */
    TreePath codeOf(TreePath expression) {
        ExpressionTree tree = OwnershipTrees.skipParens((ExpressionTree) expression.getLeaf());
        if (ThreadHops.isCode(tree)) {
            return tree == expression.getLeaf() ? expression : new TreePath(expression, tree);
        }
        if (!(tree instanceof IdentifierTree)) {
            return null;
        }
        Element local = trees.getElement(expression.getLeaf() == tree ? expression : new TreePath(expression, tree));
        return local != null && OwnershipTrees.isLocal(local) ? held().get(local) : null;
    }

    /** The locals whose declaration's initializer is code and that no assignment of the body writes. */
    private Map<Element, TreePath> held() {
        if (held != null) {
            return held;
        }
        held = new HashMap<>();
        Set<Element> assigned = new HashSet<>();
        for (CfgNode node : graph.nodes()) {
            if (node.kind() == NodeKind.VARIABLE && node.tree() instanceof VariableTree declaration
                    && declaration.getInitializer() != null
                    && ThreadHops.isCode(OwnershipTrees.skipParens(declaration.getInitializer()))) {
                Element local = trees.getElement(node.path());
                if (local != null) {
                    held.put(local, new TreePath(node.path(), OwnershipTrees.skipParens(declaration.getInitializer())));
                }
            } else if (node.kind() == NodeKind.ASSIGNMENT && node.target() != null) {
                Element target = trees.getElement(node.target());
                if (target != null) {
                    assigned.add(target);
                }
            }
        }
        held.keySet().removeAll(assigned);
        return held;
    }

}
