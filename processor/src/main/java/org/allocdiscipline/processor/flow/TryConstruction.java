package org.allocdiscipline.processor.flow;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;
import org.allocdiscipline.processor.flow.JumpScope.Catching;
import org.allocdiscipline.processor.flow.JumpScope.Dangling;
import org.allocdiscipline.processor.flow.JumpScope.Finally;
import org.allocdiscipline.processor.flow.JumpScope.Pending;

/**
 * Builds try statements: catch clauses, the implicit close of each resource, and finally blocks,
 * copied once for normal completion and once per interrupted jump (or per group, beyond the budget).
 */
final class TryConstruction {
    private final Map<Tree, Integer> treeSizes = new IdentityHashMap<>();
    private final CfgConstruction graph;

    TryConstruction(CfgConstruction graph) {
        this.graph = graph;
    }

    void tryStatement(TryTree tree, TreePath path) {
        Finally finallyScope = tree.getFinallyBlock() == null ? null : graph.push(new Finally(null, null));
        Catching catching = null;
        if (!tree.getCatches().isEmpty()) {
            List<Catching.Clause> clauses = new ArrayList<>();
            for (CatchTree catchTree : tree.getCatches()) {
                TreePath catchPath = new TreePath(path, catchTree);
                CfgNode node = graph.newNode(NodeKind.CATCH, catchPath, null);
                clauses.add(new Catching.Clause(node, graph.thrown.catchTypes(new TreePath(catchPath, catchTree.getParameter()))));
            }
            catching = graph.push(new Catching(clauses));
        }
        List<Finally> resources = new ArrayList<>();
        for (Tree resource : tree.getResources()) {
            TreePath resourcePath = new TreePath(path, resource);
            TreePath closed = resourcePath;
            if (resource instanceof VariableTree variable) {
                graph.statement(variable, path);
            } else if (resource instanceof ExpressionTree expression) {
                closed = graph.expression(expression, path);
            }
            resources.add(graph.push(new Finally(resourcePath, closed)));
        }
        graph.statement(tree.getBlock(), path);
        for (int i = resources.size() - 1; i >= 0; i--) {
            Finally resource = resources.get(i);
            graph.pop(resource);
            finish(resource, () -> closeResource(resource.resource, resource.closed), 1);
        }
        List<Dangling> normalEnd = new ArrayList<>(graph.frontier);
        if (catching != null) {
            graph.pop(catching);
            for (int i = 0; i < catching.clauses.size(); i++) {
                CatchTree catchTree = tree.getCatches().get(i);
                graph.frontier = CfgConstruction.single(catching.clauses.get(i).node(), EdgeKind.NORMAL);
                graph.statement(catchTree.getBlock(), catching.clauses.get(i).node().path());
                normalEnd.addAll(graph.frontier);
            }
        }
        graph.frontier = normalEnd;
        if (finallyScope != null) {
            graph.pop(finallyScope);
            BlockTree block = tree.getFinallyBlock();
            finish(finallyScope, () -> graph.statement(block, path), sizeOf(block));
        }
    }

    private void closeResource(TreePath resource, TreePath closed) {
        CfgNode close = graph.add(NodeKind.RESOURCE_CLOSE, resource).value(closed);
        Element element = resource.getLeaf() instanceof VariableTree ? graph.trees.getElement(resource) : null;
        TypeMirror type = element != null ? element.asType() : graph.trees.getTypeMirror(resource);
        for (TypeMirror exception : graph.thrown.ofClose(type)) {
            graph.jumps.raise(close, exception, resource);
        }
    }

    /**
     * Builds a finally body after its scope was popped: once for normal completion, and once per
     * interrupted jump (or per group of them, beyond the budget), resuming each jump at the end.
     */
    private void finish(Finally scope, Runnable body, int bodySize) {
        List<Dangling> after = new ArrayList<>();
        if (!graph.frontier.isEmpty()) {
            body.run();
            after = graph.frontier;
        }
        for (List<Pending> group : group(scope.pending, bodySize)) {
            List<Dangling> entry = new ArrayList<>();
            for (Pending pending : group) {
                entry.addAll(pending.from());
            }
            graph.frontier = entry;
            body.run();
            List<Dangling> end = graph.frontier;
            if (!end.isEmpty()) {
                for (Pending pending : group) {
                    graph.jumps.dispatch(end, pending.jump());
                }
            }
        }
        graph.frontier = after;
    }

    private List<List<Pending>> group(List<Pending> pending, int bodySize) {
        List<List<Pending>> groups = new ArrayList<>();
        if ((long) bodySize * pending.size() <= graph.options.finallyCopyBudget()) {
            for (Pending each : pending) {
                groups.add(List.of(each));
            }
            return groups;
        }
        Map<Object, List<Pending>> byTarget = new LinkedHashMap<>();
        for (Pending each : pending) {
            Object key = each.jump().target() != null ? each.jump().target() : each.jump().kind();
            byTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(each);
        }
        groups.addAll(byTarget.values());
        return groups;
    }

    private int sizeOf(Tree tree) {
        Integer known = treeSizes.get(tree);
        if (known != null) {
            return known;
        }
        int[] count = {0};
        new TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree node, Void unused) {
                if (node != null) {
                    count[0]++;
                }
                return super.scan(node, unused);
            }
        }.scan(tree, null);
        treeSizes.put(tree, count[0]);
        return count[0];
    }
}
