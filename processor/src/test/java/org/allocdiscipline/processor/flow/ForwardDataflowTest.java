package org.allocdiscipline.processor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardDataflowTest {

    private static DataflowResult<Set<String>> solve(Graph g, PossiblyNull analysis) {
        return ForwardDataflow.solve(g.cfg, analysis);
    }

    @Test
    void nullGuardsNarrowAlongTheirBranchesOnly() {
        Compiled c = Compiled.members("""
                void m(String p) {
                    String s = null;
                    if (s != null) { use(s); } else { use(1); }
                    use(2);
                    if (s == null) { return; }
                    use(3);
                }
                """);
        Graph g = Graph.of(c, "m");
        DataflowResult<Set<String>> result = solve(g, new PossiblyNull());
        assertThat(result.converged()).isTrue();
        assertThat(result.before(g.call("use(s)"))).doesNotContain("s");
        assertThat(result.before(g.call("use(1)"))).contains("s");
        assertThat(result.before(g.call("use(2)"))).contains("s");
        assertThat(result.before(g.call("use(3)"))).doesNotContain("s");
    }

    @Test
    void exceptionEdgesCarryTheStateBeforeTheThrowingNode() {
        Compiled c = Compiled.members("""
                static String read() throws IOException { return ""; }
                void failedAssignment() {
                    String s = null;
                    try { s = read(); use(1); } catch (IOException e) { use(s); }
                }
                void completedAssignment() {
                    String s = null;
                    try { s = "x"; io(); } catch (IOException e) { use(s); }
                }
                """);
        Graph failed = Graph.of(c, "failedAssignment");
        DataflowResult<Set<String>> first = solve(failed, new PossiblyNull());
        assertThat(first.before(failed.call("use(s)"))).contains("s");
        assertThat(first.before(failed.call("use(1)"))).doesNotContain("s");

        Graph completed = Graph.of(c, "completedAssignment");
        DataflowResult<Set<String>> second = solve(completed, new PossiblyNull());
        assertThat(second.before(completed.call("use(s)"))).doesNotContain("s");
    }

    @Test
    void loopsIterateToAFixpoint() {
        Compiled c = Compiled.members("""
                void m() {
                    String a = "a";
                    String b = "b";
                    while (c()) {
                        use(a);
                        a = b;
                        b = null;
                    }
                    use(0);
                }
                """);
        Graph g = Graph.of(c, "m");
        PossiblyNull analysis = new PossiblyNull();
        DataflowResult<Set<String>> result = solve(g, analysis);
        assertThat(result.converged()).isTrue();
        // b becomes null in the first iteration and reaches a through the copy in the second.
        assertThat(result.before(g.call("use(a)"))).containsExactlyInAnyOrder("a", "b");
        assertThat(result.before(g.call("use(0)"))).containsExactlyInAnyOrder("a", "b");
        int reachable = g.cfg.reachableNodes(n -> true).size();
        assertThat(analysis.transfers).isGreaterThan(reachable);
    }

    @Test
    void acyclicGraphsNeedOneTransferPerReachableNode() {
        Compiled c = Compiled.members("""
                void m(String p) throws IOException {
                    String s = p;
                    if (c() && s != null) { s = null; } else if (c()) { io(); }
                    try { io(); } catch (IOException e) { s = null; } finally { use(s); }
                    int k = switch (n()) { case 1 -> n(); default -> 2; };
                }
                """);
        Graph g = Graph.of(c, "m");
        PossiblyNull analysis = new PossiblyNull();
        DataflowResult<Set<String>> result = solve(g, analysis);
        int reachable = g.cfg.reachableNodes(n -> true).size();
        assertThat(analysis.transfers).isEqualTo(reachable);
        assertThat(result.transfers()).isEqualTo(reachable);
    }

    @Test
    void unreachableNodesHaveNoState() {
        Compiled c = Compiled.members("""
                static final boolean OFF = false;
                void m() { if (OFF) { a(); } b(); }
                """);
        Graph g = Graph.of(c, "m");
        DataflowResult<Set<String>> result = solve(g, new PossiblyNull());
        CfgNode dead = g.cfg.nodes().stream()
                .filter(n -> n.kind() == NodeKind.INVOCATION && Compiled.text(n.tree()).equals("a()"))
                .findFirst().orElseThrow();
        assertThat(g.cfg.isReachable(dead)).isFalse();
        assertThat(result.before(dead)).isNull();
        assertThat(result.before(g.call("b()"))).isEmpty();
    }

    @Test
    void aNonMonotoneAnalysisStopsAtTheStepLimitInsteadOfLooping() {
        Compiled c = Compiled.members("""
                void m() { while (c()) { a(); } }
                """);
        Graph g = Graph.of(c, "m");
        ForwardAnalysis<Integer> counting = new ForwardAnalysis<>() {
            @Override
            public Integer entryState(Cfg cfg) {
                return 0;
            }

            @Override
            public Integer join(Integer a, Integer b) {
                return Math.max(a, b);
            }

            @Override
            public Integer transfer(CfgNode node, Integer before) {
                return before + 1;
            }
        };
        DataflowResult<Integer> result = ForwardDataflow.solve(g.cfg, counting);
        assertThat(result.converged()).isFalse();
    }
}
