package org.allocdiscipline.processor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Loops, labels and switches. */
class CfgLoopSwitchTest {

    @Test
    void whileLoopReturnsToItsHeadAndLeavesOnFalse() {
        Compiled c = Compiled.members("""
                void m() { while (c()) { a(); } b(); }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode head = g.the("while (c()) { a(); }".replaceAll("\\s+", " "), NodeKind.LOOP_HEAD);
        assertThat(g.successors(g.call("a()"), EdgeKind.NORMAL)).containsExactly(head);
        assertThat(g.successors(g.call("c()"), EdgeKind.FALSE)).containsExactly(g.call("b()"));
    }

    @Test
    void doWhileRunsTheBodyBeforeTheCondition() {
        Compiled c = Compiled.members("""
                void m() { do { a(); if (c()) continue; d(); } while (n() > 0); b(); }
                """);
        Graph g = Graph.of(c, "m");
        assertThat(g.reachesAvoiding(g.cfg.entry(), g.call("a()"), "n()")).isTrue();
        CfgNode cont = g.the("continue;", NodeKind.JUMP);
        assertThat(g.successors(cont, EdgeKind.NORMAL)).containsExactly(g.call("n()"));
        CfgNode test = g.the("n() > 0", NodeKind.EVAL);
        CfgNode head = g.successors(test, EdgeKind.TRUE).get(0);
        assertThat(head.kind()).isEqualTo(NodeKind.LOOP_HEAD);
        assertThat(g.successors(test, EdgeKind.FALSE)).containsExactly(g.call("b()"));
    }

    @Test
    void forLoopContinueGoesToTheUpdate() {
        Compiled c = Compiled.members("""
                void m() { for (int i = n(); i < 10; d()) { if (c()) continue; a(); } b(); }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode update = g.call("d()");
        assertThat(g.successors(g.the("continue;", NodeKind.JUMP), EdgeKind.NORMAL)).containsExactly(update);
        assertThat(g.successors(g.call("a()"), EdgeKind.NORMAL)).containsExactly(update);
        assertThat(g.successors(update, EdgeKind.NORMAL).get(0).kind()).isEqualTo(NodeKind.LOOP_HEAD);
        assertThat(g.successors(g.the("i < 10", NodeKind.EVAL), EdgeKind.FALSE)).containsExactly(g.call("b()"));
    }

    @Test
    void forWithoutConditionOnlyLeavesByBreak() {
        Compiled c = Compiled.members("""
                void m() { for (;;) { if (c()) break; a(); } b(); }
                """);
        Graph g = Graph.of(c, "m");
        assertThat(g.successors(g.the("break;", NodeKind.JUMP), EdgeKind.NORMAL)).containsExactly(g.call("b()"));
        assertThat(g.call("b()").predecessors()).hasSize(1);
    }

    @Test
    void enhancedForBindsTheVariableOnTheTrueEdgeOfItsHead() {
        Compiled c = Compiled.members("""
                void m(List<String> xs) { for (String x : xs) { use(x); } b(); }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode head = g.cfg.reachableNodes(n -> n.kind() == NodeKind.LOOP_HEAD).get(0);
        CfgNode variable = g.successors(head, EdgeKind.TRUE).get(0);
        assertThat(variable.kind()).isEqualTo(NodeKind.LOOP_VARIABLE);
        assertThat(g.successors(head, EdgeKind.FALSE)).containsExactly(g.call("b()"));
        assertThat(g.successors(g.call("use(x)"), EdgeKind.NORMAL)).containsExactly(head);
        assertThat(g.reaches(head, g.the("xs", NodeKind.EVAL))).isFalse();
    }

    @Test
    void labeledBreakAndContinueLeaveTheOuterLoop() {
        Compiled c = Compiled.members("""
                void m() {
                    outer:
                    for (int i = 0; i < 3; d()) {
                        for (int j = 0; j < 3; j++) {
                            if (c()) continue outer;
                            if (c()) break outer;
                            a();
                        }
                        use("rest");
                    }
                    b();
                    block: { if (c()) break block; use(null); }
                    n();
                }
                """);
        Graph g = Graph.of(c, "m");
        assertThat(g.successors(g.the("continue outer;", NodeKind.JUMP), EdgeKind.NORMAL))
                .containsExactly(g.call("d()"));
        assertThat(g.successors(g.the("break outer;", NodeKind.JUMP), EdgeKind.NORMAL))
                .containsExactly(g.call("b()"));
        assertThat(g.successors(g.the("break block;", NodeKind.JUMP), EdgeKind.NORMAL))
                .containsExactly(g.call("n()"));
        assertThat(g.reachesAvoiding(g.the("break outer;", NodeKind.JUMP), g.call("use(\"rest\")"), "int i = 0")).isFalse();
    }

    @Test
    void colonSwitchFallsThroughAndMayMatchNothing() {
        Compiled c = Compiled.members("""
                void m(int k) {
                    switch (k) {
                        case 1: a();
                        case 2: b(); break;
                        case 3: d();
                    }
                    n();
                }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode dispatch = g.cfg.reachableNodes(n -> n.kind() == NodeKind.SWITCH).get(0);
        CfgNode after = g.call("n()");
        assertThat(g.successors(g.call("a()"), EdgeKind.NORMAL)).containsExactly(g.call("b()"));
        assertThat(g.successors(g.the("break;", NodeKind.JUMP), EdgeKind.NORMAL)).containsExactly(after);
        assertThat(g.successors(g.call("d()"), EdgeKind.NORMAL)).containsExactly(after);
        // No default on an int switch: the switch can match nothing.
        assertThat(g.successors(dispatch, EdgeKind.NORMAL)).contains(after);
    }

    @Test
    void arrowSwitchExpressionWithYieldAndDefault() {
        Compiled c = Compiled.members("""
                int m(int k) {
                    int v = switch (k) {
                        case 1 -> n();
                        case 2 -> { a(); yield 2; }
                        default -> throw new IllegalStateException();
                    };
                    return v;
                }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode dispatch = g.cfg.reachableNodes(n -> n.kind() == NodeKind.SWITCH).get(0);
        CfgNode merge = g.cfg.reachableNodes(n -> n.kind() == NodeKind.EVAL
                && n.tree().getKind() == com.sun.source.tree.Tree.Kind.SWITCH_EXPRESSION).get(0);
        assertThat(g.successors(dispatch, EdgeKind.NORMAL)).hasSize(3).allMatch(n -> n.kind() == NodeKind.CASE);
        assertThat(g.successors(g.call("n()"), EdgeKind.NORMAL)).containsExactly(merge);
        assertThat(g.successors(g.the("yield 2;", NodeKind.JUMP), EdgeKind.NORMAL)).containsExactly(merge);
        assertThat(g.exceptionalExits()).containsExactly("throw new IllegalStateException(); ! java.lang.IllegalStateException");
        assertThat(merge.predecessors()).hasSize(2);
    }

    @Test
    void exhaustivePatternSwitchWithGuardsHasNoNoMatchPath() {
        Compiled c = Compiled.members("""
                double m(Shape s) {
                    switch (s) {
                        case Circle(double r) when r > 10 -> a();
                        case Circle ci -> b();
                        case Square sq -> d();
                    }
                    return 0;
                }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode dispatch = g.cfg.reachableNodes(n -> n.kind() == NodeKind.SWITCH).get(0);
        assertThat(g.successors(dispatch, EdgeKind.NORMAL)).allMatch(n -> n.kind() == NodeKind.CASE).hasSize(3);
        CfgNode guard = g.the("r > 10", NodeKind.EVAL);
        assertThat(g.successors(guard, EdgeKind.TRUE)).containsExactly(g.call("a()"));
        CfgNode nextCase = g.successors(guard, EdgeKind.FALSE).get(0);
        assertThat(nextCase.kind()).isEqualTo(NodeKind.CASE);
        assertThat(g.successors(nextCase, EdgeKind.NORMAL)).containsExactly(g.call("b()"));
        CfgNode zero = g.the("0", NodeKind.EVAL);
        assertThat(zero.predecessors()).extracting(e -> e.source()).containsExactlyInAnyOrder(
                g.call("a()"), g.call("b()"), g.call("d()"));
    }

    @Test
    void enumSwitchStatementWithoutDefaultMayMatchNothing() {
        Compiled c = Compiled.members("""
                enum Color { RED, GREEN }
                void m(Color k) { switch (k) { case RED -> a(); case GREEN -> b(); } d(); }
                int e(Color k) { return switch (k) { case RED -> 1; case GREEN -> 2; }; }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode dispatch = g.cfg.reachableNodes(n -> n.kind() == NodeKind.SWITCH).get(0);
        assertThat(g.successors(dispatch, EdgeKind.NORMAL)).contains(g.call("d()"));
        Graph e = Graph.of(c, "e");
        CfgNode exprDispatch = e.cfg.reachableNodes(n -> n.kind() == NodeKind.SWITCH).get(0);
        assertThat(e.successors(exprDispatch, EdgeKind.NORMAL)).allMatch(n -> n.kind() == NodeKind.CASE);
    }

    @Test
    void yieldThroughFinallyInsideSwitchExpression() {
        Compiled c = Compiled.members("""
                int m(int k) {
                    return switch (k) {
                        case 1 -> { try { yield n(); } finally { d(); } }
                        default -> 0;
                    };
                }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode yield = g.the("yield n();", NodeKind.JUMP);
        CfgNode merge = g.cfg.reachableNodes(n -> n.kind() == NodeKind.EVAL
                && n.tree().getKind() == com.sun.source.tree.Tree.Kind.SWITCH_EXPRESSION).get(0);
        assertThat(g.reaches(yield, merge)).isTrue();
        assertThat(g.reachesAvoiding(yield, merge, "d()")).isFalse();
    }
}
