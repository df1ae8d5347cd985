package org.allocdiscipline.processor.flow;

import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.type.TypeMirror;
import org.allocdiscipline.processor.flow.JumpScope.Breakable;
import org.allocdiscipline.processor.flow.JumpScope.Dangling;

/**
 * Builds loops and labeled statements: each loop gets a {@link NodeKind#LOOP_HEAD} that every iteration
 * passes, and a {@link JumpScope.Breakable} that its {@code break}s and {@code continue}s end at.
 */
final class LoopConstruction {
    private final List<String> labelsOfNextLoop = new ArrayList<>();
    private final CfgConstruction graph;

    LoopConstruction(CfgConstruction graph) {
        this.graph = graph;
    }

    void whileLoop(WhileLoopTree tree, TreePath path) {
        Breakable loop = pushLoop(path);
        CfgNode head = graph.add(NodeKind.LOOP_HEAD, path);
        Branches branches = graph.condition(tree.getCondition(), path);
        graph.frontier = branches.whenTrue();
        graph.statement(tree.getStatement(), path);
        closeLoop(loop, head, branches.whenFalse());
    }

    void doWhileLoop(DoWhileLoopTree tree, TreePath path) {
        Breakable loop = pushLoop(path);
        CfgNode head = graph.add(NodeKind.LOOP_HEAD, path);
        graph.statement(tree.getStatement(), path);
        graph.frontier = CfgConstruction.union(graph.frontier, loop.continues);
        loop.continues.clear();
        Branches branches = graph.condition(tree.getCondition(), path);
        graph.frontier = branches.whenTrue();
        closeLoop(loop, head, branches.whenFalse());
    }

    void forLoop(ForLoopTree tree, TreePath path) {
        List<String> labels = takeLoopLabels();
        for (StatementTree initializer : tree.getInitializer()) {
            graph.statement(initializer, path);
        }
        Breakable loop = graph.push(new Breakable(path, labels, true, true));
        CfgNode head = graph.add(NodeKind.LOOP_HEAD, path);
        List<Dangling> exit = new ArrayList<>();
        if (tree.getCondition() != null) {
            Branches branches = graph.condition(tree.getCondition(), path);
            graph.frontier = branches.whenTrue();
            exit = branches.whenFalse();
        }
        graph.statement(tree.getStatement(), path);
        graph.frontier = CfgConstruction.union(graph.frontier, loop.continues);
        loop.continues.clear();
        for (ExpressionStatementTree update : tree.getUpdate()) {
            graph.statement(update, path);
        }
        closeLoop(loop, head, exit);
    }

    void enhancedForLoop(EnhancedForLoopTree tree, TreePath path) {
        List<String> labels = takeLoopLabels();
        graph.expression(tree.getExpression(), path);
        Breakable loop = graph.push(new Breakable(path, labels, true, true));
        CfgNode head = graph.add(NodeKind.LOOP_HEAD, path);
        // Fetching the next element calls hasNext()/next(), which only throw unchecked exceptions.
        for (TypeMirror exception : graph.thrown.ofImplicitCall()) {
            graph.jumps.raise(head, exception, path);
        }
        graph.frontier = CfgConstruction.single(head, EdgeKind.TRUE);
        graph.add(NodeKind.LOOP_VARIABLE, new TreePath(path, tree.getVariable()));
        graph.statement(tree.getStatement(), path);
        closeLoop(loop, head, CfgConstruction.single(head, EdgeKind.FALSE));
    }

    private Breakable pushLoop(TreePath path) {
        return graph.push(new Breakable(path, takeLoopLabels(), true, true));
    }

    /** Ends the body: continues and the body's end go back to the head; the loop is left by exit and breaks. */
    private void closeLoop(Breakable loop, CfgNode head, List<Dangling> exit) {
        CfgConstruction.connect(CfgConstruction.union(graph.frontier, loop.continues), head, null);
        graph.pop(loop);
        graph.frontier = CfgConstruction.union(exit, loop.breaks);
    }

    private List<String> takeLoopLabels() {
        List<String> labels = List.copyOf(labelsOfNextLoop);
        labelsOfNextLoop.clear();
        return labels;
    }

    void labeled(LabeledStatementTree tree, TreePath path) {
        String label = tree.getLabel().toString();
        Tree.Kind inner = tree.getStatement().getKind();
        boolean loopFollows = inner == Tree.Kind.WHILE_LOOP || inner == Tree.Kind.DO_WHILE_LOOP
                || inner == Tree.Kind.FOR_LOOP || inner == Tree.Kind.ENHANCED_FOR_LOOP
                || inner == Tree.Kind.LABELED_STATEMENT;
        if (loopFollows) {
            labelsOfNextLoop.add(label);
        } else {
            labelsOfNextLoop.clear();
        }
        Breakable scope = graph.push(new Breakable(path, List.of(label), false, false));
        graph.statement(tree.getStatement(), path);
        graph.pop(scope);
        graph.frontier = CfgConstruction.union(graph.frontier, scope.breaks);
    }
}
