package org.allocdiscipline.processor.flow;

import com.sun.source.tree.CaseLabelTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConstantCaseLabelTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.allocdiscipline.processor.flow.JumpScope.Breakable;
import org.allocdiscipline.processor.flow.JumpScope.Dangling;
import org.allocdiscipline.processor.flow.JumpScope.Yieldable;

/**
 * Builds switch statements and expressions: the selector, a {@link NodeKind#SWITCH} node with an edge
 * to each case, guards, fall-through, and the results a switch expression may yield.
 */
final class SwitchConstruction {
    private final CfgConstruction graph;

    SwitchConstruction(CfgConstruction graph) {
        this.graph = graph;
    }

    /**
     * Builds a switch statement or expression.
     *
     * @return the results a switch expression may have (empty for a statement)
     */
    List<TreePath> switchConstruct(TreePath path, ExpressionTree selector, List<? extends CaseTree> cases,
                                           boolean isExpression) {
        TreePath selectorPath = graph.expression(selector, path);
        CfgNode dispatchNode = graph.add(NodeKind.SWITCH, path);
        boolean exhaustive = isExpression || isExhaustiveStatement(cases, selectorPath);
        Yieldable yieldScope = isExpression ? graph.push(new Yieldable(path)) : null;
        Breakable breakScope = isExpression ? null : graph.push(new Breakable(path, List.of(), false, true));
        List<Dangling> guardFailed = new ArrayList<>();
        List<Dangling> fallThrough = new ArrayList<>();
        for (CaseTree caseTree : cases) {
            TreePath casePath = new TreePath(path, caseTree);
            graph.frontier = CfgConstruction.union(CfgConstruction.single(dispatchNode, EdgeKind.NORMAL), guardFailed);
            graph.add(NodeKind.CASE, casePath).value(selectorPath);
            List<Dangling> bodyEntry;
            if (caseTree.getGuard() != null) {
                Branches guard = graph.condition(caseTree.getGuard(), casePath);
                bodyEntry = guard.whenTrue();
                guardFailed = guard.whenFalse();
            } else {
                bodyEntry = graph.frontier;
                guardFailed = new ArrayList<>();
            }
            if (caseTree.getCaseKind() == CaseTree.CaseKind.STATEMENT) {
                graph.frontier = CfgConstruction.union(bodyEntry, fallThrough);
                for (StatementTree statement : caseTree.getStatements()) {
                    graph.statement(statement, casePath);
                }
                fallThrough = graph.frontier;
            } else {
                graph.frontier = bodyEntry;
                Tree body = caseTree.getBody();
                if (body instanceof ExpressionTree value) {
                    TreePath result = graph.expression(value, casePath);
                    if (isExpression) {
                        yieldScope.yields.addAll(graph.frontier);
                        yieldScope.result(result);
                    }
                } else if (body instanceof StatementTree statement) {
                    graph.statement(statement, casePath);
                }
                if (!isExpression) {
                    breakScope.breaks.addAll(graph.frontier);
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
            graph.pop(yieldScope);
            graph.frontier = CfgConstruction.union(after, yieldScope.yields);
            return yieldScope.results;
        }
        graph.pop(breakScope);
        graph.frontier = CfgConstruction.union(after, breakScope.breaks);
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
        TypeMirror type = graph.trees.getTypeMirror(selector);
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
}
