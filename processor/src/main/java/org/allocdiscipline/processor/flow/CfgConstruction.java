package org.allocdiscipline.processor.flow;

import com.sun.source.tree.AssertTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.type.TypeMirror;
import org.allocdiscipline.processor.flow.JumpScope.Breakable;
import org.allocdiscipline.processor.flow.JumpScope.Dangling;
import org.allocdiscipline.processor.flow.JumpScope.Jump;
import org.allocdiscipline.processor.flow.JumpScope.JumpKind;
import org.allocdiscipline.processor.flow.JumpScope.Yieldable;

/**
 * The state of building one graph: the nodes so far, the dangling edges that the next node
 * receives (the "frontier"), and the stack of statements that jumps must respect.
 *
 * <p>Trees are visited once in evaluation order (except finally blocks, copied per
 * continuation), and paths are extended one step at a time, so construction is linear.
 */
final class CfgConstruction {
    final Trees trees;
    final ThrownTypes thrown;
    final CfgOptions options;
    private final List<CfgNode> nodes = new ArrayList<>();
    final List<JumpScope> scopes = new ArrayList<>();
    List<Dangling> frontier = new ArrayList<>();
    final LoopConstruction loops = new LoopConstruction(this);
    final JumpRouting jumps = new JumpRouting(this);
    final SwitchConstruction switches = new SwitchConstruction(this);
    final TryConstruction tries = new TryConstruction(this);
    final ConditionConstruction conditions = new ConditionConstruction(this);
    final ExpressionConstruction expressions = new ExpressionConstruction(this);

    CfgConstruction(Trees trees, ThrownTypes thrown, CfgOptions options) {
        this.trees = trees;
        this.thrown = thrown;
        this.options = options;
    }

    Cfg build(TreePath body) {
        CfgNode entry = newNode(NodeKind.ENTRY, body, null);
        frontier = single(entry, EdgeKind.NORMAL);
        TreePath fallOffCause = body;
        TreePath fallOffValue = null;
        Tree leaf = body.getLeaf();
        if (leaf instanceof MethodTree method) {
            for (VariableTree parameter : method.getParameters()) {
                add(NodeKind.PARAMETER, new TreePath(body, parameter));
            }
            if (method.getBody() != null) {
                fallOffCause = new TreePath(body, method.getBody());
                statement(method.getBody(), body);
            }
        } else if (leaf instanceof LambdaExpressionTree lambda) {
            for (VariableTree parameter : lambda.getParameters()) {
                add(NodeKind.PARAMETER, new TreePath(body, parameter));
            }
            fallOffCause = new TreePath(body, lambda.getBody());
            if (lambda.getBody() instanceof ExpressionTree expression) {
                fallOffValue = expression(expression, body);
            } else if (lambda.getBody() instanceof StatementTree statement) {
                statement(statement, body);
            }
        } else if (leaf instanceof BlockTree block) {
            statement(block, body.getParentPath());
        } else if (leaf instanceof VariableTree field && field.getInitializer() != null) {
            expression(field.getInitializer(), body);
        }
        connect(frontier, jumps.normalExit(fallOffCause, fallOffValue), null);
        return new Cfg(body, nodes, entry);
    }

    /** Builds an expression; see {@link ExpressionConstruction#expression}. */
    TreePath expression(ExpressionTree tree, TreePath parent) {
        return expressions.expression(tree, parent);
    }

    /** Builds a condition; see {@link ConditionConstruction#condition}. */
    Branches condition(ExpressionTree tree, TreePath parent) {
        return conditions.condition(tree, parent);
    }

    void statement(StatementTree tree, TreePath parent) {
        TreePath path = new TreePath(parent, tree);
        switch (tree.getKind()) {
            case BLOCK -> {
                for (StatementTree statement : ((BlockTree) tree).getStatements()) {
                    statement(statement, path);
                }
            }
            case EXPRESSION_STATEMENT -> expression(((ExpressionStatementTree) tree).getExpression(), path);
            case VARIABLE -> {
                ExpressionTree initializer = ((VariableTree) tree).getInitializer();
                TreePath value = initializer == null ? null : expression(initializer, path);
                add(NodeKind.VARIABLE, path).value(value);
            }
            case EMPTY_STATEMENT -> {
            }
            case IF -> ifStatement((IfTree) tree, path);
            case WHILE_LOOP -> loops.whileLoop((WhileLoopTree) tree, path);
            case DO_WHILE_LOOP -> loops.doWhileLoop((DoWhileLoopTree) tree, path);
            case FOR_LOOP -> loops.forLoop((ForLoopTree) tree, path);
            case ENHANCED_FOR_LOOP -> loops.enhancedForLoop((EnhancedForLoopTree) tree, path);
            case LABELED_STATEMENT -> loops.labeled((LabeledStatementTree) tree, path);
            case SWITCH -> {
                SwitchTree switchTree = (SwitchTree) tree;
                switches.switchConstruct(path, switchTree.getExpression(), switchTree.getCases(), false);
            }
            case TRY -> tries.tryStatement((TryTree) tree, path);
            case SYNCHRONIZED -> {
                SynchronizedTree sync = (SynchronizedTree) tree;
                expression(sync.getExpression(), path);
                add(NodeKind.MONITOR, path);
                statement(sync.getBlock(), path);
            }
            case RETURN -> {
                ExpressionTree expression = ((ReturnTree) tree).getExpression();
                TreePath value = expression == null ? null : expression(expression, path);
                CfgNode node = add(NodeKind.RETURN, path).value(value);
                jumps.dispatch(single(node, EdgeKind.NORMAL), new Jump(JumpKind.RETURN, null, null, path, value));
                frontier = new ArrayList<>();
            }
            case THROW -> {
                TreePath exception = expression(((ThrowTree) tree).getExpression(), path);
                CfgNode node = add(NodeKind.THROW, path).value(exception);
                jumps.raise(node, thrown.ofThrow(exception), path);
                frontier = new ArrayList<>();
            }
            case BREAK -> {
                String label = nameOrNull(((BreakTree) tree).getLabel());
                Breakable target = jumps.breakTarget(label);
                jumps.jump(path, JumpKind.BREAK, target, target == null ? null : target.statement, null);
            }
            case CONTINUE -> {
                String label = nameOrNull(((ContinueTree) tree).getLabel());
                Breakable target = jumps.continueTarget(label);
                jumps.jump(path, JumpKind.CONTINUE, target, target == null ? null : target.statement, null);
            }
            case YIELD -> {
                TreePath value = expression(((YieldTree) tree).getValue(), path);
                Yieldable target = jumps.innermost(Yieldable.class);
                if (target != null) {
                    target.result(value);
                }
                jumps.jump(path, JumpKind.YIELD, target, target == null ? null : target.statement, value);
            }
            case ASSERT -> assertStatement((AssertTree) tree, path);
            default -> add(NodeKind.OPAQUE, path);
        }
    }

    private void ifStatement(IfTree tree, TreePath path) {
        Branches branches = condition(tree.getCondition(), path);
        frontier = branches.whenTrue();
        statement(tree.getThenStatement(), path);
        List<Dangling> afterThen = frontier;
        frontier = branches.whenFalse();
        if (tree.getElseStatement() != null) {
            statement(tree.getElseStatement(), path);
        }
        frontier = union(afterThen, frontier);
    }

    private void assertStatement(AssertTree tree, TreePath path) {
        add(NodeKind.ASSERT, path);
        // Assertions may be disabled: the whole statement can be skipped.
        List<Dangling> skipped = new ArrayList<>(frontier);
        Branches branches = condition(tree.getCondition(), path);
        List<Dangling> after = union(skipped, branches.whenTrue());
        if (options.uncheckedExceptions()) {
            frontier = branches.whenFalse();
            if (tree.getDetail() != null) {
                expression(tree.getDetail(), path);
            }
            CfgNode failure = add(NodeKind.THROW, path);
            jumps.raise(failure, thrown.assertionError(), path);
        }
        frontier = after;
    }

    CfgNode newNode(NodeKind kind, TreePath path, TypeMirror exception) {
        CfgNode node = new CfgNode(nodes.size(), kind, path, exception);
        nodes.add(node);
        return node;
    }

    CfgNode add(NodeKind kind, TreePath path) {
        CfgNode node = newNode(kind, path, null);
        connect(frontier, node, null);
        frontier = single(node, EdgeKind.NORMAL);
        return node;
    }

    static void connect(List<Dangling> from, CfgNode to, TypeMirror exception) {
        for (Dangling end : from) {
            end.from().link(to, end.kind(), exception);
        }
    }

    <S extends JumpScope> S push(S scope) {
        scopes.add(scope);
        return scope;
    }

    void pop(JumpScope expected) {
        JumpScope removed = scopes.remove(scopes.size() - 1);
        if (removed != expected) {
            throw new IllegalStateException("unbalanced jump scopes");
        }
    }

    static List<Dangling> single(CfgNode node, EdgeKind kind) {
        List<Dangling> list = new ArrayList<>(2);
        list.add(new Dangling(node, kind));
        return list;
    }

    static List<Dangling> union(List<Dangling> a, List<Dangling> b) {
        List<Dangling> result = new ArrayList<>(a.size() + b.size());
        result.addAll(a);
        result.addAll(b);
        return result;
    }

    private static String nameOrNull(javax.lang.model.element.Name name) {
        return name == null ? null : name.toString();
    }
}
