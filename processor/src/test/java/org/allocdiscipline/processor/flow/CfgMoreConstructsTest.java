package org.allocdiscipline.processor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.Tree;
import org.junit.jupiter.api.Test;

/** Less common expression forms and orderings. */
class CfgMoreConstructsTest {

    @Test
    void methodReferenceEvaluatesItsQualifierButNotATypeName() {
        Compiled c = Compiled.members("""
                void m() {
                    java.util.function.Supplier<String> s = obj()::toString;
                    java.util.function.Function<Object, String> f = String::valueOf;
                }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode reference = g.the("obj()::toString", NodeKind.EVAL);
        assertThat(g.successors(g.call("obj()"), EdgeKind.NORMAL)).containsExactly(reference);
        assertThat(g.all("String")).isEmpty();
        assertThat(g.all("String::valueOf", NodeKind.EVAL)).hasSize(1);
    }

    @Test
    void qualifiedInstanceCreationEvaluatesTheOuterInstanceFirst() {
        Compiled c = Compiled.members("""
                class Inner { Inner(int x) {} }
                T self() { return this; }
                void m() { Inner i = self().new Inner(n()); }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode creation = g.cfg.reachableNodes(n -> n.kind() == NodeKind.NEW_CLASS).get(0);
        assertThat(g.successors(g.call("self()"), EdgeKind.NORMAL)).containsExactly(g.call("n()"));
        assertThat(g.successors(g.call("n()"), EdgeKind.NORMAL)).containsExactly(creation);
    }

    @Test
    void resourcesCloseBeforeTheFinallyBlockAndTheCatchClauses() {
        Compiled c = Compiled.members("""
                void m() {
                    try (Res r = new Res()) { a(); } catch (E2 e) { b(); } finally { d(); }
                }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode close = g.successors(g.call("a()"), EdgeKind.NORMAL).get(0);
        assertThat(close.kind()).isEqualTo(NodeKind.RESOURCE_CLOSE);
        assertThat(g.successors(close, EdgeKind.NORMAL)).singleElement()
                .satisfies(n -> assertThat(Compiled.text(n.tree())).isEqualTo("d()"));
        CfgNode catchNode = g.successors(close, EdgeKind.EXCEPTION).get(0);
        assertThat(catchNode.kind()).isEqualTo(NodeKind.CATCH);
        assertThat(g.reaches(catchNode, g.call("b()"))).isTrue();
        assertThat(g.successors(g.call("b()"), EdgeKind.NORMAL)).singleElement()
                .satisfies(n -> assertThat(Compiled.text(n.tree())).isEqualTo("d()"));
        assertThat(g.exceptionalExits()).isEmpty();
    }

    @Test
    void colonFormSwitchExpressionYieldsFromStatements() {
        Compiled c = Compiled.members("""
                int m(int k) {
                    int v = switch (k) {
                        case 1:
                            a();
                        case 2:
                            yield n();
                        default:
                            yield 0;
                    };
                    return v;
                }
                """);
        Graph g = Graph.of(c, "m");
        assertThat(g.successors(g.call("a()"), EdgeKind.NORMAL)).containsExactly(g.call("n()"));
        CfgNode merge = g.cfg.reachableNodes(n -> n.kind() == NodeKind.EVAL
                && n.tree().getKind() == Tree.Kind.SWITCH_EXPRESSION).get(0);
        assertThat(merge.predecessors()).hasSize(2)
                .allSatisfy(e -> assertThat(e.source().kind()).isEqualTo(NodeKind.JUMP));
    }

    @Test
    void booleanOperatorsAsValuesMergeAtOneNode() {
        Compiled c = Compiled.members("""
                static boolean p() { return true; }
                void m() { boolean b = p() && c() || !p(); use(b); }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode value = g.the("p() && c() || !p()", NodeKind.EVAL);
        assertThat(value.predecessors()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.kind()).isIn(EdgeKind.TRUE, EdgeKind.FALSE));
        assertThat(g.cfg.reachableNodes(n -> n.kind() == NodeKind.VARIABLE)).singleElement()
                .satisfies(n -> assertThat(n.predecessors()).extracting(CfgEdge::source).containsExactly(value));
    }

    @Test
    void initializersAndFieldsAreBodies() {
        Compiled c = Compiled.of("""
                class I {
                    static int x = compute();
                    static { if (x > 0) { x = compute(); } }
                    static int compute() { return 1; }
                }
                """);
        int checked = 0;
        for (com.sun.source.util.TreePath body : c.bodies()) {
            if (body.getLeaf().getKind() == Tree.Kind.METHOD) {
                continue;
            }
            checked++;
            Cfg cfg = c.builder(CfgOptions.DEFAULT).build(body);
            assertThat(cfg.reachableNodes(n -> n.kind() == NodeKind.INVOCATION)).isNotEmpty();
            assertThat(cfg.normalExits()).singleElement().satisfies(e -> assertThat(e.isFallOffExit()).isTrue());
        }
        assertThat(checked).isEqualTo(2);
    }
}
