package org.allocdiscipline.processor.flow;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseLabelTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ConstantCaseLabelTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.allocdiscipline.processor.flow.JumpScope.Breakable;
import org.allocdiscipline.processor.flow.JumpScope.Catching;
import org.allocdiscipline.processor.flow.JumpScope.Dangling;
import org.allocdiscipline.processor.flow.JumpScope.Finally;
import org.allocdiscipline.processor.flow.JumpScope.Jump;
import org.allocdiscipline.processor.flow.JumpScope.JumpKind;
import org.allocdiscipline.processor.flow.JumpScope.Pending;
import org.allocdiscipline.processor.flow.JumpScope.Yieldable;

/**
 * The state of building one graph: the nodes so far, the dangling edges that the next node
 * receives (the "frontier"), and the stack of statements that jumps must respect.
 *
 * <p>Trees are visited once in evaluation order (except finally blocks, copied per
 * continuation), and paths are extended one step at a time, so construction is linear.
 */
final class CfgConstruction {
    private final Trees trees;
    private final ThrownTypes thrown;
    private final CfgOptions options;
    private final List<CfgNode> nodes = new ArrayList<>();
    private final List<JumpScope> scopes = new ArrayList<>();
    private final Map<Tree, CfgNode> normalExits = new IdentityHashMap<>();
    private final Map<Tree, List<CfgNode>> exceptionalExits = new IdentityHashMap<>();
    private final Map<Tree, Integer> treeSizes = new IdentityHashMap<>();
    private List<Dangling> frontier = new ArrayList<>();
    private final List<String> labelsOfNextLoop = new ArrayList<>();

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
        connect(frontier, normalExit(fallOffCause, fallOffValue), null);
        return new Cfg(body, nodes, entry);
    }

    // ---------------------------------------------------------------- statements

    private void statement(StatementTree tree, TreePath parent) {
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
            case WHILE_LOOP -> whileLoop((WhileLoopTree) tree, path);
            case DO_WHILE_LOOP -> doWhileLoop((DoWhileLoopTree) tree, path);
            case FOR_LOOP -> forLoop((ForLoopTree) tree, path);
            case ENHANCED_FOR_LOOP -> enhancedForLoop((EnhancedForLoopTree) tree, path);
            case LABELED_STATEMENT -> labeled((LabeledStatementTree) tree, path);
            case SWITCH -> {
                SwitchTree switchTree = (SwitchTree) tree;
                switchConstruct(path, switchTree.getExpression(), switchTree.getCases(), false);
            }
            case TRY -> tryStatement((TryTree) tree, path);
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
                dispatch(single(node, EdgeKind.NORMAL), new Jump(JumpKind.RETURN, null, null, path, value));
                frontier = new ArrayList<>();
            }
            case THROW -> {
                TreePath exception = expression(((ThrowTree) tree).getExpression(), path);
                CfgNode node = add(NodeKind.THROW, path).value(exception);
                raise(node, thrown.ofThrow(exception), path);
                frontier = new ArrayList<>();
            }
            case BREAK -> {
                String label = nameOrNull(((BreakTree) tree).getLabel());
                Breakable target = breakTarget(label);
                jump(path, JumpKind.BREAK, target, target == null ? null : target.statement, null);
            }
            case CONTINUE -> {
                String label = nameOrNull(((ContinueTree) tree).getLabel());
                Breakable target = continueTarget(label);
                jump(path, JumpKind.CONTINUE, target, target == null ? null : target.statement, null);
            }
            case YIELD -> {
                TreePath value = expression(((YieldTree) tree).getValue(), path);
                Yieldable target = innermost(Yieldable.class);
                if (target != null) {
                    target.result(value);
                }
                jump(path, JumpKind.YIELD, target, target == null ? null : target.statement, value);
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

    private void whileLoop(WhileLoopTree tree, TreePath path) {
        Breakable loop = pushLoop(path);
        CfgNode head = add(NodeKind.LOOP_HEAD, path);
        Branches branches = condition(tree.getCondition(), path);
        frontier = branches.whenTrue();
        statement(tree.getStatement(), path);
        closeLoop(loop, head, branches.whenFalse());
    }

    private void doWhileLoop(DoWhileLoopTree tree, TreePath path) {
        Breakable loop = pushLoop(path);
        CfgNode head = add(NodeKind.LOOP_HEAD, path);
        statement(tree.getStatement(), path);
        frontier = union(frontier, loop.continues);
        loop.continues.clear();
        Branches branches = condition(tree.getCondition(), path);
        frontier = branches.whenTrue();
        closeLoop(loop, head, branches.whenFalse());
    }

    private void forLoop(ForLoopTree tree, TreePath path) {
        List<String> labels = takeLoopLabels();
        for (StatementTree initializer : tree.getInitializer()) {
            statement(initializer, path);
        }
        Breakable loop = push(new Breakable(path, labels, true, true));
        CfgNode head = add(NodeKind.LOOP_HEAD, path);
        List<Dangling> exit = new ArrayList<>();
        if (tree.getCondition() != null) {
            Branches branches = condition(tree.getCondition(), path);
            frontier = branches.whenTrue();
            exit = branches.whenFalse();
        }
        statement(tree.getStatement(), path);
        frontier = union(frontier, loop.continues);
        loop.continues.clear();
        for (ExpressionStatementTree update : tree.getUpdate()) {
            statement(update, path);
        }
        closeLoop(loop, head, exit);
    }

    private void enhancedForLoop(EnhancedForLoopTree tree, TreePath path) {
        List<String> labels = takeLoopLabels();
        expression(tree.getExpression(), path);
        Breakable loop = push(new Breakable(path, labels, true, true));
        CfgNode head = add(NodeKind.LOOP_HEAD, path);
        // Fetching the next element calls hasNext()/next(), which only throw unchecked exceptions.
        for (TypeMirror exception : thrown.ofImplicitCall()) {
            raise(head, exception, path);
        }
        frontier = single(head, EdgeKind.TRUE);
        add(NodeKind.LOOP_VARIABLE, new TreePath(path, tree.getVariable()));
        statement(tree.getStatement(), path);
        closeLoop(loop, head, single(head, EdgeKind.FALSE));
    }

    private Breakable pushLoop(TreePath path) {
        return push(new Breakable(path, takeLoopLabels(), true, true));
    }

    /** Ends the body: continues and the body's end go back to the head; the loop is left by exit and breaks. */
    private void closeLoop(Breakable loop, CfgNode head, List<Dangling> exit) {
        connect(union(frontier, loop.continues), head, null);
        pop(loop);
        frontier = union(exit, loop.breaks);
    }

    private List<String> takeLoopLabels() {
        List<String> labels = List.copyOf(labelsOfNextLoop);
        labelsOfNextLoop.clear();
        return labels;
    }

    private void labeled(LabeledStatementTree tree, TreePath path) {
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
        Breakable scope = push(new Breakable(path, List.of(label), false, false));
        statement(tree.getStatement(), path);
        pop(scope);
        frontier = union(frontier, scope.breaks);
    }

    private void jump(TreePath path, JumpKind kind, JumpScope target, TreePath statement, TreePath value) {
        CfgNode node = add(NodeKind.JUMP, path).value(value);
        if (target != null) {
            node.jumpTarget(new JumpTarget(statement, finallyBefore(target)));
            dispatch(single(node, EdgeKind.NORMAL), new Jump(kind, target, null, path, null));
        }
        frontier = new ArrayList<>();
    }

    /** Whether a finally block or a resource's close lies between the innermost scope and {@code target}. */
    private boolean finallyBefore(JumpScope target) {
        for (int i = scopes.size() - 1; i >= 0 && scopes.get(i) != target; i--) {
            if (scopes.get(i) instanceof Finally) {
                return true;
            }
        }
        return false;
    }

    private Breakable breakTarget(String label) {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            if (scopes.get(i) instanceof Breakable b
                    && (label == null ? b.unlabeledBreakTarget : !b.loop && b.labels.contains(label))) {
                return b;
            }
        }
        return null;
    }

    private Breakable continueTarget(String label) {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            if (scopes.get(i) instanceof Breakable b && b.loop && (label == null || b.labels.contains(label))) {
                return b;
            }
        }
        return null;
    }

    private <S extends JumpScope> S innermost(Class<S> type) {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            if (type.isInstance(scopes.get(i))) {
                return type.cast(scopes.get(i));
            }
        }
        return null;
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
            raise(failure, thrown.assertionError(), path);
        }
        frontier = after;
    }

    // ---------------------------------------------------------------- switch

    /**
     * Builds a switch statement or expression.
     *
     * @return the results a switch expression may have (empty for a statement)
     */
    private List<TreePath> switchConstruct(TreePath path, ExpressionTree selector, List<? extends CaseTree> cases,
                                           boolean isExpression) {
        TreePath selectorPath = expression(selector, path);
        CfgNode dispatchNode = add(NodeKind.SWITCH, path);
        boolean exhaustive = isExpression || isExhaustiveStatement(cases, selectorPath);
        Yieldable yieldScope = isExpression ? push(new Yieldable(path)) : null;
        Breakable breakScope = isExpression ? null : push(new Breakable(path, List.of(), false, true));
        List<Dangling> guardFailed = new ArrayList<>();
        List<Dangling> fallThrough = new ArrayList<>();
        for (CaseTree caseTree : cases) {
            TreePath casePath = new TreePath(path, caseTree);
            frontier = union(single(dispatchNode, EdgeKind.NORMAL), guardFailed);
            add(NodeKind.CASE, casePath).value(selectorPath);
            List<Dangling> bodyEntry;
            if (caseTree.getGuard() != null) {
                Branches guard = condition(caseTree.getGuard(), casePath);
                bodyEntry = guard.whenTrue();
                guardFailed = guard.whenFalse();
            } else {
                bodyEntry = frontier;
                guardFailed = new ArrayList<>();
            }
            if (caseTree.getCaseKind() == CaseTree.CaseKind.STATEMENT) {
                frontier = union(bodyEntry, fallThrough);
                for (StatementTree statement : caseTree.getStatements()) {
                    statement(statement, casePath);
                }
                fallThrough = frontier;
            } else {
                frontier = bodyEntry;
                Tree body = caseTree.getBody();
                if (body instanceof ExpressionTree value) {
                    TreePath result = expression(value, casePath);
                    if (isExpression) {
                        yieldScope.yields.addAll(frontier);
                        yieldScope.result(result);
                    }
                } else if (body instanceof StatementTree statement) {
                    statement(statement, casePath);
                }
                if (!isExpression) {
                    breakScope.breaks.addAll(frontier);
                }
                fallThrough = new ArrayList<>();
            }
        }
        List<Dangling> after = new ArrayList<>(isExpression ? List.of() : fallThrough);
        if (!exhaustive) {
            after.add(new Dangling(dispatchNode, EdgeKind.NORMAL));
            after.addAll(guardFailed);
        }
        if (isExpression) {
            pop(yieldScope);
            frontier = union(after, yieldScope.yields);
            return yieldScope.results;
        }
        pop(breakScope);
        frontier = union(after, breakScope.breaks);
        return List.of();
    }

    /**
     * A switch statement must be exhaustive when it has a default, or uses patterns or
     * {@code case null}, or switches over a type other than the legacy ones (JLS 14.11.2).
     */
    private boolean isExhaustiveStatement(List<? extends CaseTree> cases, TreePath selector) {
        for (CaseTree caseTree : cases) {
            for (CaseLabelTree label : caseTree.getLabels()) {
                switch (label.getKind()) {
                    case DEFAULT_CASE_LABEL, PATTERN_CASE_LABEL -> {
                        return true;
                    }
                    case CONSTANT_CASE_LABEL -> {
                        if (((ConstantCaseLabelTree) label).getConstantExpression().getKind() == Tree.Kind.NULL_LITERAL) {
                            return true;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        TypeMirror type = trees.getTypeMirror(selector);
        if (type == null || type.getKind().isPrimitive() || type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        Element element = ((DeclaredType) type).asElement();
        if (element.getKind() == ElementKind.ENUM) {
            return false;
        }
        String name = element.toString();
        return !(name.equals("java.lang.String") || name.equals("java.lang.Integer") || name.equals("java.lang.Character")
                || name.equals("java.lang.Byte") || name.equals("java.lang.Short"));
    }

    // ---------------------------------------------------------------- try

    private void tryStatement(TryTree tree, TreePath path) {
        Finally finallyScope = tree.getFinallyBlock() == null ? null : push(new Finally(null, null));
        Catching catching = null;
        if (!tree.getCatches().isEmpty()) {
            List<Catching.Clause> clauses = new ArrayList<>();
            for (CatchTree catchTree : tree.getCatches()) {
                TreePath catchPath = new TreePath(path, catchTree);
                CfgNode node = newNode(NodeKind.CATCH, catchPath, null);
                clauses.add(new Catching.Clause(node, thrown.catchTypes(new TreePath(catchPath, catchTree.getParameter()))));
            }
            catching = push(new Catching(clauses));
        }
        List<Finally> resources = new ArrayList<>();
        for (Tree resource : tree.getResources()) {
            TreePath resourcePath = new TreePath(path, resource);
            TreePath closed = resourcePath;
            if (resource instanceof VariableTree variable) {
                statement(variable, path);
            } else if (resource instanceof ExpressionTree expression) {
                closed = expression(expression, path);
            }
            resources.add(push(new Finally(resourcePath, closed)));
        }
        statement(tree.getBlock(), path);
        for (int i = resources.size() - 1; i >= 0; i--) {
            Finally resource = resources.get(i);
            pop(resource);
            finish(resource, () -> closeResource(resource.resource, resource.closed), 1);
        }
        List<Dangling> normalEnd = new ArrayList<>(frontier);
        if (catching != null) {
            pop(catching);
            for (int i = 0; i < catching.clauses.size(); i++) {
                CatchTree catchTree = tree.getCatches().get(i);
                frontier = single(catching.clauses.get(i).node(), EdgeKind.NORMAL);
                statement(catchTree.getBlock(), catching.clauses.get(i).node().path());
                normalEnd.addAll(frontier);
            }
        }
        frontier = normalEnd;
        if (finallyScope != null) {
            pop(finallyScope);
            BlockTree block = tree.getFinallyBlock();
            finish(finallyScope, () -> statement(block, path), sizeOf(block));
        }
    }

    private void closeResource(TreePath resource, TreePath closed) {
        CfgNode close = add(NodeKind.RESOURCE_CLOSE, resource).value(closed);
        Element element = resource.getLeaf() instanceof VariableTree ? trees.getElement(resource) : null;
        TypeMirror type = element != null ? element.asType() : trees.getTypeMirror(resource);
        for (TypeMirror exception : thrown.ofClose(type)) {
            raise(close, exception, resource);
        }
    }

    /**
     * Builds a finally body after its scope was popped: once for normal completion, and once per
     * interrupted jump (or per group of them, beyond the budget), resuming each jump at the end.
     */
    private void finish(Finally scope, Runnable body, int bodySize) {
        List<Dangling> after = new ArrayList<>();
        if (!frontier.isEmpty()) {
            body.run();
            after = frontier;
        }
        for (List<Pending> group : group(scope.pending, bodySize)) {
            List<Dangling> entry = new ArrayList<>();
            for (Pending pending : group) {
                entry.addAll(pending.from());
            }
            frontier = entry;
            body.run();
            List<Dangling> end = frontier;
            if (!end.isEmpty()) {
                for (Pending pending : group) {
                    dispatch(end, pending.jump());
                }
            }
        }
        frontier = after;
    }

    private List<List<Pending>> group(List<Pending> pending, int bodySize) {
        List<List<Pending>> groups = new ArrayList<>();
        if ((long) bodySize * pending.size() <= options.finallyCopyBudget()) {
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

    // ---------------------------------------------------------------- jumps and exceptions

    private void raise(CfgNode node, TypeMirror exception, TreePath cause) {
        dispatch(single(node, EdgeKind.EXCEPTION), new Jump(JumpKind.THROW, null, exception, cause, null));
    }

    private void raise(CfgNode node, List<TypeMirror> exceptions, TreePath cause) {
        for (TypeMirror exception : exceptions) {
            raise(node, exception, cause);
        }
    }

    /** Walks the scopes outwards from the innermost until the jump ends or a finally interrupts it. */
    private void dispatch(List<Dangling> from, Jump jump) {
        if (from.isEmpty()) {
            return;
        }
        for (int i = scopes.size() - 1; i >= 0; i--) {
            JumpScope scope = scopes.get(i);
            if (scope == jump.target()) {
                deliver(from, jump, scope);
                return;
            }
            if (scope instanceof Finally finallyScope) {
                finallyScope.pending.add(new Pending(List.copyOf(from), jump));
                return;
            }
            if (jump.kind() == JumpKind.THROW && scope instanceof Catching catching && caught(from, jump, catching)) {
                return;
            }
        }
        if (jump.kind() == JumpKind.RETURN) {
            connect(from, normalExit(jump.cause(), jump.value()), null);
        } else if (jump.kind() == JumpKind.THROW) {
            connect(from, exceptionalExit(jump.cause(), jump.exception()), jump.exception());
        }
        // A break, continue or yield whose target is not on the stack only occurs in erroneous code.
    }

    private static void deliver(List<Dangling> from, Jump jump, JumpScope scope) {
        switch (jump.kind()) {
            case BREAK -> ((Breakable) scope).breaks.addAll(from);
            case CONTINUE -> ((Breakable) scope).continues.addAll(from);
            case YIELD -> ((Yieldable) scope).yields.addAll(from);
            default -> {
            }
        }
    }

    /**
     * Routes an exception to every clause that may catch it; returns whether one surely does.
     * A clause for a subtype of the thrown type may catch it, so the search goes on after it.
     */
    private boolean caught(List<Dangling> from, Jump jump, Catching catching) {
        TypeMirror exception = jump.exception();
        for (Catching.Clause clause : catching.clauses) {
            for (TypeMirror accepted : clause.types()) {
                if (thrown.isSubtype(exception, accepted)) {
                    connect(from, clause.node(), exception);
                    return true;
                }
                if (thrown.isSubtype(accepted, exception)) {
                    connect(from, clause.node(), accepted);
                    break;
                }
            }
        }
        return false;
    }

    private CfgNode normalExit(TreePath cause, TreePath value) {
        return normalExits.computeIfAbsent(cause.getLeaf(), t -> newNode(NodeKind.NORMAL_EXIT, cause, null).value(value));
    }

    private CfgNode exceptionalExit(TreePath cause, TypeMirror exception) {
        List<CfgNode> known = exceptionalExits.computeIfAbsent(cause.getLeaf(), t -> new ArrayList<>(2));
        for (CfgNode exit : known) {
            if (thrown.isSameType(exit.exceptionType(), exception)) {
                return exit;
            }
        }
        CfgNode exit = newNode(NodeKind.EXCEPTIONAL_EXIT, cause, exception);
        known.add(exit);
        return exit;
    }

    // ---------------------------------------------------------------- expressions

    /** The outcomes of a condition: the dangling edges taken when it is true and when false. */
    private record Branches(List<Dangling> whenTrue, List<Dangling> whenFalse) {
    }

    /** Builds a condition with separate true and false successors; leaves the frontier empty. */
    private Branches condition(ExpressionTree tree, TreePath parent) {
        TreePath path = new TreePath(parent, tree);
        Branches result;
        switch (tree.getKind()) {
            case PARENTHESIZED -> result = condition(((ParenthesizedTree) tree).getExpression(), path);
            case LOGICAL_COMPLEMENT -> {
                Branches operand = condition(((UnaryTree) tree).getExpression(), path);
                result = new Branches(operand.whenFalse(), operand.whenTrue());
            }
            case CONDITIONAL_AND -> {
                BinaryTree binary = (BinaryTree) tree;
                Branches left = condition(binary.getLeftOperand(), path);
                frontier = left.whenTrue();
                Branches right = condition(binary.getRightOperand(), path);
                result = new Branches(right.whenTrue(), union(left.whenFalse(), right.whenFalse()));
            }
            case CONDITIONAL_OR -> {
                BinaryTree binary = (BinaryTree) tree;
                Branches left = condition(binary.getLeftOperand(), path);
                frontier = left.whenFalse();
                Branches right = condition(binary.getRightOperand(), path);
                result = new Branches(union(left.whenTrue(), right.whenTrue()), right.whenFalse());
            }
            case CONDITIONAL_EXPRESSION -> {
                ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
                Branches test = condition(conditional.getCondition(), path);
                frontier = test.whenTrue();
                Branches yes = condition(conditional.getTrueExpression(), path);
                frontier = test.whenFalse();
                Branches no = condition(conditional.getFalseExpression(), path);
                result = new Branches(union(yes.whenTrue(), no.whenTrue()), union(yes.whenFalse(), no.whenFalse()));
            }
            default -> {
                Boolean constant = constantValue(tree, path);
                expression(tree, parent);
                List<Dangling> whenTrue = new ArrayList<>();
                List<Dangling> whenFalse = new ArrayList<>();
                for (Dangling end : frontier) {
                    boolean branchable = end.kind() == EdgeKind.NORMAL;
                    whenTrue.add(branchable ? new Dangling(end.from(), EdgeKind.TRUE) : end);
                    whenFalse.add(branchable ? new Dangling(end.from(), EdgeKind.FALSE) : end);
                }
                result = new Branches(Boolean.FALSE.equals(constant) ? new ArrayList<>() : whenTrue,
                        Boolean.TRUE.equals(constant) ? new ArrayList<>() : whenFalse);
            }
        }
        frontier = new ArrayList<>();
        return result;
    }

    /** A boolean literal or constant variable; {@code null} when the value is not a known constant. */
    private Boolean constantValue(ExpressionTree tree, TreePath path) {
        if (tree instanceof LiteralTree literal) {
            return literal.getValue() instanceof Boolean value ? value : null;
        }
        if (tree.getKind() == Tree.Kind.IDENTIFIER || tree.getKind() == Tree.Kind.MEMBER_SELECT) {
            Element element = trees.getElement(path);
            if (element instanceof VariableElement variable && variable.getConstantValue() instanceof Boolean value) {
                return value;
            }
        }
        return null;
    }

    /**
     * Builds an expression in evaluation order; the frontier ends at the node for the whole tree.
     *
     * @return the path to the expression inside any parentheses, whose node the frontier ends at
     */
    private TreePath expression(ExpressionTree tree, TreePath parent) {
        TreePath path = new TreePath(parent, tree);
        switch (tree.getKind()) {
            case PARENTHESIZED -> {
                return expression(((ParenthesizedTree) tree).getExpression(), path);
            }
            case CONDITIONAL_AND, CONDITIONAL_OR -> {
                BinaryTree binary = (BinaryTree) tree;
                Branches branches = condition(tree, parent);
                frontier = union(branches.whenTrue(), branches.whenFalse());
                add(NodeKind.EVAL, path).operands(List.of(operand(binary.getLeftOperand(), path),
                        operand(binary.getRightOperand(), path)));
            }
            case CONDITIONAL_EXPRESSION -> {
                ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
                Branches test = condition(conditional.getCondition(), path);
                frontier = test.whenTrue();
                TreePath whenTrue = expression(conditional.getTrueExpression(), path);
                List<Dangling> afterTrue = frontier;
                frontier = test.whenFalse();
                TreePath whenFalse = expression(conditional.getFalseExpression(), path);
                frontier = union(afterTrue, frontier);
                add(NodeKind.EVAL, path).operands(List.of(whenTrue, whenFalse));
            }
            case METHOD_INVOCATION -> invocation((MethodInvocationTree) tree, path);
            case NEW_CLASS -> {
                NewClassTree newClass = (NewClassTree) tree;
                if (newClass.getEnclosingExpression() != null) {
                    expression(newClass.getEnclosingExpression(), path);
                }
                List<TreePath> arguments = expressions(newClass.getArguments(), path, new ArrayList<>());
                CfgNode node = add(NodeKind.NEW_CLASS, path).operands(arguments);
                raise(node, thrown.ofElement(path), path);
            }
            case NEW_ARRAY -> {
                NewArrayTree newArray = (NewArrayTree) tree;
                List<TreePath> parts = expressions(newArray.getDimensions(), path, new ArrayList<>());
                if (newArray.getInitializers() != null) {
                    expressions(newArray.getInitializers(), path, parts);
                }
                add(NodeKind.EVAL, path).operands(parts);
            }
            case ASSIGNMENT -> {
                AssignmentTree assignment = (AssignmentTree) tree;
                TreePath target = assignmentTarget(assignment.getVariable(), path);
                TreePath value = expression(assignment.getExpression(), path);
                add(NodeKind.ASSIGNMENT, path).target(target).value(value);
            }
            case LAMBDA_EXPRESSION -> add(NodeKind.OPAQUE, path);
            case MEMBER_REFERENCE -> {
                TreePath qualifier = qualifier(((MemberReferenceTree) tree).getQualifierExpression(), path);
                add(NodeKind.EVAL, path).operands(qualifier == null ? List.of() : List.of(qualifier));
            }
            case MEMBER_SELECT -> {
                TreePath qualifier = qualifier(((MemberSelectTree) tree).getExpression(), path);
                add(NodeKind.EVAL, path).operands(qualifier == null ? List.of() : List.of(qualifier));
            }
            case ARRAY_ACCESS -> {
                ArrayAccessTree access = (ArrayAccessTree) tree;
                TreePath array = expression(access.getExpression(), path);
                TreePath index = expression(access.getIndex(), path);
                add(NodeKind.EVAL, path).operands(List.of(array, index));
            }
            case TYPE_CAST -> {
                TreePath operand = expression(((TypeCastTree) tree).getExpression(), path);
                add(NodeKind.EVAL, path).operands(List.of(operand));
            }
            case INSTANCE_OF -> {
                TreePath operand = expression(((InstanceOfTree) tree).getExpression(), path);
                add(NodeKind.EVAL, path).operands(List.of(operand));
            }
            case SWITCH_EXPRESSION -> {
                SwitchExpressionTree switchTree = (SwitchExpressionTree) tree;
                List<TreePath> results = switchConstruct(path, switchTree.getExpression(), switchTree.getCases(), true);
                add(NodeKind.EVAL, path).operands(results);
            }
            default -> {
                if (tree instanceof CompoundAssignmentTree compound) {
                    TreePath target = assignmentTarget(compound.getVariable(), path);
                    TreePath value = expression(compound.getExpression(), path);
                    add(NodeKind.ASSIGNMENT, path).target(target).value(value);
                } else if (tree instanceof BinaryTree binary) {
                    TreePath left = expression(binary.getLeftOperand(), path);
                    TreePath right = expression(binary.getRightOperand(), path);
                    add(NodeKind.EVAL, path).operands(List.of(left, right));
                } else if (tree instanceof UnaryTree unary) {
                    TreePath operand = expression(unary.getExpression(), path);
                    add(NodeKind.EVAL, path).operands(List.of(operand));
                } else {
                    // Identifiers, literals, and any kind this builder does not know: one step.
                    add(NodeKind.EVAL, path);
                }
            }
        }
        return path;
    }

    /** Builds each expression in turn and adds the path of each to {@code paths}, which it returns. */
    private List<TreePath> expressions(List<? extends ExpressionTree> trees, TreePath parent, List<TreePath> paths) {
        for (ExpressionTree tree : trees) {
            paths.add(expression(tree, parent));
        }
        return paths;
    }

    /** The path to an operand that a condition built, inside its parentheses. */
    private static TreePath operand(ExpressionTree tree, TreePath parent) {
        TreePath path = new TreePath(parent, tree);
        while (path.getLeaf() instanceof ParenthesizedTree parens) {
            path = new TreePath(path, parens.getExpression());
        }
        return path;
    }

    private void invocation(MethodInvocationTree tree, TreePath path) {
        ExpressionTree select = tree.getMethodSelect();
        TreePath selectPath = new TreePath(path, select);
        TreePath receiver = null;
        if (select instanceof MemberSelectTree member) {
            receiver = qualifier(member.getExpression(), selectPath);
            if (receiver == null) {
                receiver = new TreePath(selectPath, member.getExpression());
            }
        }
        List<TreePath> arguments = expressions(tree.getArguments(), path, new ArrayList<>());
        CfgNode node = add(NodeKind.INVOCATION, path).receiver(receiver).operands(arguments);
        raise(node, thrown.ofInvocation(path, selectPath), path);
    }

    /**
     * Evaluates the parts of an assignment's left side that are evaluated before the right side.
     *
     * @return the path to the target inside any parentheses
     */
    private TreePath assignmentTarget(ExpressionTree target, TreePath parent) {
        TreePath path = new TreePath(parent, target);
        switch (target.getKind()) {
            case PARENTHESIZED -> {
                return assignmentTarget(((ParenthesizedTree) target).getExpression(), path);
            }
            case ARRAY_ACCESS -> {
                ArrayAccessTree access = (ArrayAccessTree) target;
                expression(access.getExpression(), path);
                expression(access.getIndex(), path);
            }
            case MEMBER_SELECT -> qualifier(((MemberSelectTree) target).getExpression(), path);
            default -> {
            }
        }
        return path;
    }

    /**
     * Evaluates the qualifier of a select or reference unless it names a type or package.
     *
     * @return the path to the evaluated qualifier, or {@code null} when it names a type or package
     */
    private TreePath qualifier(ExpressionTree qualifier, TreePath parent) {
        if (qualifier.getKind() == Tree.Kind.IDENTIFIER || qualifier.getKind() == Tree.Kind.MEMBER_SELECT) {
            Element element = trees.getElement(new TreePath(parent, qualifier));
            if (element != null && (element.getKind().isClass() || element.getKind().isInterface()
                    || element.getKind() == ElementKind.PACKAGE || element.getKind() == ElementKind.TYPE_PARAMETER)) {
                return null;
            }
        } else if (qualifier.getKind() == Tree.Kind.PRIMITIVE_TYPE || qualifier.getKind() == Tree.Kind.ARRAY_TYPE
                || qualifier.getKind() == Tree.Kind.PARAMETERIZED_TYPE) {
            return null;
        }
        return expression(qualifier, parent);
    }

    // ---------------------------------------------------------------- graph primitives

    private CfgNode newNode(NodeKind kind, TreePath path, TypeMirror exception) {
        CfgNode node = new CfgNode(nodes.size(), kind, path, exception);
        nodes.add(node);
        return node;
    }

    private CfgNode add(NodeKind kind, TreePath path) {
        CfgNode node = newNode(kind, path, null);
        connect(frontier, node, null);
        frontier = single(node, EdgeKind.NORMAL);
        return node;
    }

    private static void connect(List<Dangling> from, CfgNode to, TypeMirror exception) {
        for (Dangling end : from) {
            end.from().link(to, end.kind(), exception);
        }
    }

    private <S extends JumpScope> S push(S scope) {
        scopes.add(scope);
        return scope;
    }

    private void pop(JumpScope expected) {
        JumpScope removed = scopes.remove(scopes.size() - 1);
        if (removed != expected) {
            throw new IllegalStateException("unbalanced jump scopes");
        }
    }

    private static List<Dangling> single(CfgNode node, EdgeKind kind) {
        List<Dangling> list = new ArrayList<>(2);
        list.add(new Dangling(node, kind));
        return list;
    }

    private static List<Dangling> union(List<Dangling> a, List<Dangling> b) {
        List<Dangling> result = new ArrayList<>(a.size() + b.size());
        result.addAll(a);
        result.addAll(b);
        return result;
    }

    private static String nameOrNull(javax.lang.model.element.Name name) {
        return name == null ? null : name.toString();
    }
}
