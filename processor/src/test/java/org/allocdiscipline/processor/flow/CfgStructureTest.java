package org.allocdiscipline.processor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequencing, evaluation order, conditions and the bodies a graph covers. */
class CfgStructureTest {

    @Test
    void evaluatesReceiverThenArgumentsLeftToRightThenTheCall() {
        Compiled c = Compiled.members("""
                StringBuilder sb() { return new StringBuilder(); }
                String f(int x, int y) { return ""; }
                void m() { sb().append(f(n(), n() + 1)); }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode receiver = g.call("sb()");
        CfgNode inner = g.call("f(n(), n() + 1)");
        CfgNode outer = g.call("sb().append(f(n(), n() + 1))");
        List<CfgNode> ns = g.all("n()");
        assertThat(ns).hasSize(2);
        // The graph of a straight-line expression is a chain: check the order along it.
        assertThat(ns.get(0).id()).isLessThan(ns.get(1).id());
        assertThat(g.reaches(receiver, ns.get(0))).isTrue();
        assertThat(g.reaches(ns.get(0), ns.get(1))).isTrue();
        assertThat(g.reaches(ns.get(1), receiver)).isFalse();
        assertThat(g.reaches(ns.get(1), inner)).isTrue();
        assertThat(g.reaches(inner, outer)).isTrue();
        assertThat(g.reaches(outer, inner)).isFalse();
        assertThat(g.normalExits()).containsExactly("end");
        assertThat(g.exceptionalExits()).isEmpty();
    }

    @Test
    void eachReturnHasItsOwnNormalExit() {
        Compiled c = Compiled.members("""
                int m(int x) { if (x > 0) { return 1; } a(); return 2; }
                """);
        Graph g = Graph.of(c, "m");
        assertThat(g.normalExits()).containsExactly("return 1;", "return 2;");
        assertThat(g.exitsFrom(g.call("a()"))).extracting(n -> Compiled.text(n.tree())).containsExactly("return 2;");
    }

    @Test
    void nullGuardHasSeparateTrueAndFalseSuccessors() {
        Compiled c = Compiled.members("""
                void m(Object x) { if (x != null) { use(x); } else { a(); } b(); }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode test = g.the("x != null", NodeKind.EVAL);
        assertThat(g.successors(test, EdgeKind.TRUE)).hasSize(1);
        assertThat(g.successors(test, EdgeKind.FALSE)).hasSize(1);
        assertThat(g.successors(test, EdgeKind.NORMAL)).isEmpty();
        CfgNode whenTrue = g.successors(test, EdgeKind.TRUE).get(0);
        CfgNode whenFalse = g.successors(test, EdgeKind.FALSE).get(0);
        assertThat(g.reaches(whenTrue, g.call("use(x)"))).isTrue();
        assertThat(g.reaches(whenTrue, g.call("a()"))).isFalse();
        assertThat(g.reaches(whenFalse, g.call("a()"))).isTrue();
        assertThat(g.reaches(whenFalse, g.call("use(x)"))).isFalse();
        assertThat(g.reaches(g.call("use(x)"), g.call("b()"))).isTrue();
        assertThat(g.reaches(g.call("a()"), g.call("b()"))).isTrue();
    }

    @Test
    void shortCircuitOperatorsSkipTheRightOperand() {
        Compiled c = Compiled.members("""
                static boolean p() { return true; }
                static boolean q() { return true; }
                void and() { if (p() && q()) { a(); } b(); }
                void or() { if (p() || q()) { a(); } b(); }
                void not() { if (!p()) { a(); } b(); }
                """);
        Graph and = Graph.of(c, "and");
        assertThat(and.successors(and.call("p()"), EdgeKind.FALSE)).containsExactly(and.call("b()"));
        assertThat(and.successors(and.call("p()"), EdgeKind.TRUE)).hasSize(1);
        assertThat(and.reachesAvoiding(and.cfg.entry(), and.call("a()"), "q()")).isFalse();

        Graph or = Graph.of(c, "or");
        assertThat(or.successors(or.call("p()"), EdgeKind.TRUE)).containsExactly(or.call("a()"));
        assertThat(or.reachesAvoiding(or.cfg.entry(), or.call("b()"), "q()")).isTrue();

        Graph not = Graph.of(c, "not");
        assertThat(not.successors(not.call("p()"), EdgeKind.FALSE)).containsExactly(not.call("a()"));
        assertThat(not.successors(not.call("p()"), EdgeKind.TRUE)).containsExactly(not.call("b()"));
    }

    @Test
    void conditionalExpressionEvaluatesOneBranchThenMerges() {
        Compiled c = Compiled.members("""
                Object m(Object x) { Object y = x != null ? x : obj(); return y; }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode merge = g.the("x != null ? x : obj()", NodeKind.EVAL);
        CfgNode test = g.the("x != null", NodeKind.EVAL);
        assertThat(g.reachesAvoiding(g.successors(test, EdgeKind.TRUE).get(0), merge, "obj()")).isTrue();
        assertThat(g.successors(test, EdgeKind.FALSE)).containsExactly(g.call("obj()"));
        assertThat(merge.predecessors()).hasSize(2);
        assertThat(g.successors(merge, EdgeKind.NORMAL)).containsExactlyElementsOf(
                g.cfg.reachableNodes(n -> n.kind() == NodeKind.VARIABLE));
    }

    @Test
    void constantConditionsPruneTheImpossibleBranch() {
        Compiled c = Compiled.members("""
                static final boolean DEBUG = false;
                void spin() { while (true) { a(); } }
                void debug() { if (DEBUG) { a(); } b(); }
                """);
        Graph spin = Graph.of(c, "spin");
        assertThat(spin.normalExits()).isEmpty();
        Graph debug = Graph.of(c, "debug");
        assertThat(debug.all("a()")).isEmpty();
        assertThat(debug.all("b()", NodeKind.INVOCATION)).hasSize(1);
    }

    @Test
    void lambdaAndClassBodiesAreSingleNodesAndGraphsOfTheirOwn() {
        Compiled c = Compiled.members("""
                void m() throws Exception {
                    Runnable r = () -> { a(); };
                    java.util.concurrent.Callable<Object> k = () -> { io(); return obj(); };
                    Object o = new Object() { public String toString() { b(); return ""; } };
                    class Local { void x() { d(); } }
                    use(r);
                }
                """);
        Graph g = Graph.of(c, "m");
        assertThat(g.all("a()")).isEmpty();
        assertThat(g.all("b()")).isEmpty();
        assertThat(g.all("d()")).isEmpty();
        assertThat(g.exceptionalExits()).isEmpty();
        assertThat(g.cfg.reachableNodes(n -> n.kind() == NodeKind.OPAQUE)).hasSize(3);
        assertThat(g.cfg.reachableNodes(n -> n.kind() == NodeKind.NEW_CLASS)).hasSize(1);

        List<com.sun.source.util.TreePath> lambdas = c.lambdas(c.method("m"));
        Cfg second = c.builder(CfgOptions.DEFAULT).build(lambdas.get(1));
        Graph lambda = new Graph(second, c);
        assertThat(lambda.exceptionalExits()).containsExactly("io() ! java.io.IOException");
        assertThat(lambda.normalExits()).containsExactly("return obj();");

        Cfg anonymous = c.builder(CfgOptions.DEFAULT).build(c.method("toString"));
        assertThat(new Graph(anonymous, c).all("b()", NodeKind.INVOCATION)).hasSize(1);
    }

    @Test
    void expressionLambdaExitsWithItsBody() {
        Compiled c = Compiled.members("""
                void m() { java.util.function.Supplier<Object> s = () -> obj(); }
                """);
        Cfg lambda = c.builder(CfgOptions.DEFAULT).build(c.lambdas(c.method("m")).get(0));
        Graph g = new Graph(lambda, c);
        assertThat(lambda.normalExits()).hasSize(1);
        assertThat(Compiled.text(lambda.normalExits().get(0).tree())).isEqualTo("obj()");
        assertThat(g.reaches(g.call("obj()"), lambda.normalExits().get(0))).isTrue();
    }

    @Test
    void instanceofPatternAndAssignmentsHaveNodes() {
        Compiled c = Compiled.members("""
                void m(Object o, int[] xs) {
                    if (o instanceof String s && !s.isEmpty()) { use(s); }
                    xs[n()] = n();
                    xs[0] += 1;
                }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode test = g.the("o instanceof String s", NodeKind.EVAL);
        assertThat(g.successors(test, EdgeKind.TRUE)).hasSize(1);
        assertThat(g.successors(test, EdgeKind.FALSE)).hasSize(1);
        CfgNode store = g.the("xs[n()] = n()", NodeKind.ASSIGNMENT);
        List<CfgNode> ns = g.all("n()");
        assertThat(ns).hasSize(2);
        assertThat(g.reaches(ns.get(0), ns.get(1))).isTrue();
        assertThat(g.reaches(ns.get(1), store)).isTrue();
        assertThat(g.all("xs[0] += 1", NodeKind.ASSIGNMENT)).hasSize(1);
    }

    @Test
    void assertMayBeSkipped() {
        Compiled c = Compiled.members("""
                void m(Object x) { assert x != null : "x"; use(x); }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode assertion = g.cfg.reachableNodes(n -> n.kind() == NodeKind.ASSERT).get(0);
        assertThat(g.reachesAvoiding(assertion, g.call("use(x)"), "x != null")).isTrue();
        assertThat(g.exceptionalExits()).isEmpty();

        Graph unchecked = Graph.of(c, "m", CfgOptions.DEFAULT.withUncheckedExceptions(true));
        assertThat(unchecked.exceptionalExits()).contains("assert x != null : \"x\"; ! java.lang.AssertionError");
    }

    @Test
    void synchronizedEvaluatesTheLockFirst() {
        Compiled c = Compiled.members("""
                void m() { synchronized (obj()) { a(); } }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode monitor = g.cfg.reachableNodes(n -> n.kind() == NodeKind.MONITOR).get(0);
        assertThat(g.successors(g.call("obj()"), EdgeKind.NORMAL)).containsExactly(monitor);
        assertThat(g.successors(monitor, EdgeKind.NORMAL)).containsExactly(g.call("a()"));
    }

    @Test
    void printerIsDeterministic() {
        Compiled c = Compiled.members("""
                void m(Object x) { try { if (x != null) io(); } catch (IOException e) { a(); } finally { b(); } }
                """);
        String first = c.print(c.cfg("m"));
        String second = c.print(c.cfg("m"));
        assertThat(first).isEqualTo(second).contains("INVOCATION @").contains(":EXCEPTION").contains(":TRUE");
    }
}
