package org.allocdiscipline.processor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each node says it acts on: receivers, operands, targets, values and jump targets, with true parents. */
class CfgOperandsTest {

    @Test
    void aCallCarriesItsReceiverAndArgumentsInsideTheirParentheses() {
        Compiled c = Compiled.members("""
                void m(StringBuilder sb, Object o) { ((sb)).append((o)); T.use(o); a(); }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode append = g.call("((sb)).append((o))");
        assertThat(text(append.receiver())).isEqualTo("sb");
        assertThat(append.operands()).extracting(CfgOperandsTest::text).containsExactly("o");
        // A static call's receiver is the type name, which is not evaluated but still what the call is on.
        assertThat(text(g.call("T.use(o)").receiver())).isEqualTo("T");
        assertThat(g.call("a()").receiver()).isNull();
        assertTrueParents(append.receiver());
        assertTrueParents(append.operands().get(0));
    }

    @Test
    void assignmentsDeclarationsAndReturnsCarryTheirTargetsAndValues() {
        Compiled c = Compiled.members("""
                String m(Object o) { String s; (s) = (String) o; int n = 1; n += (n()); String t = (s); return (t); }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode assignment = g.the("(s) = (String)o", NodeKind.ASSIGNMENT);
        assertThat(text(assignment.target())).isEqualTo("s");
        assertThat(text(assignment.value())).isEqualTo("(String)o");
        CfgNode compound = g.the("n += (n())", NodeKind.ASSIGNMENT);
        assertThat(text(compound.target())).isEqualTo("n");
        assertThat(text(compound.value())).isEqualTo("n()");
        assertThat(text(g.the("String t = (s)", NodeKind.VARIABLE).value())).isEqualTo("s");
        assertThat(g.the("String s", NodeKind.VARIABLE).value()).isNull();
        CfgNode ret = g.the("return (t);", NodeKind.RETURN);
        assertThat(text(ret.value())).isEqualTo("t");
        assertThat(g.cfg.normalExits()).singleElement().satisfies(exit -> assertThat(exit.value()).isSameAs(ret.value()));
        for (TreePath path : List.of(assignment.target(), assignment.value(), compound.value(), ret.value())) {
            assertTrueParents(path);
        }
    }

    @Test
    void anExpressionLambdaHandsItsBodyToItsExit() {
        Compiled c = Compiled.members("""
                void m() { java.util.function.Supplier<Object> s = () -> (obj()); }
                """);
        TreePath lambda = c.lambdas(c.method("m")).get(0);
        Cfg cfg = c.builder(CfgOptions.DEFAULT).build(lambda);
        assertThat(cfg.normalExits()).singleElement().satisfies(exit -> {
            assertThat(exit.isFallOffExit()).isTrue();
            assertThat(text(exit.value())).isEqualTo("obj()");
            assertTrueParents(exit.value());
        });
    }

    @Test
    void operatorsAndTestsCarryTheirOperands() {
        Compiled c = Compiled.members("""
                boolean m(Object o, int i) { boolean b = (o) == null && o instanceof String; int k = -(i) + i; return b; }
                """);
        Graph g = Graph.of(c, "m");
        assertThat(g.the("(o) == null", NodeKind.EVAL).operands()).extracting(CfgOperandsTest::text)
                .containsExactly("o", "null");
        assertThat(g.the("o instanceof String", NodeKind.EVAL).operands()).extracting(CfgOperandsTest::text)
                .containsExactly("o");
        assertThat(g.the("(o) == null && o instanceof String", NodeKind.EVAL).operands())
                .extracting(CfgOperandsTest::text).containsExactly("(o) == null", "o instanceof String");
        assertThat(g.the("-(i)", NodeKind.EVAL).operands()).extracting(CfgOperandsTest::text).containsExactly("i");
        assertThat(g.the("-(i) + i", NodeKind.EVAL).operands()).extracting(CfgOperandsTest::text)
                .containsExactly("-(i)", "i");
        g.the("(o) == null", NodeKind.EVAL).operands().forEach(CfgOperandsTest::assertTrueParents);
    }

    @Test
    void aSwitchExpressionListsEveryResultAndEachCaseItsSelector() {
        Compiled c = Compiled.members("""
                Object m(int k, Object o) {
                    return switch ((k)) {
                        case 1 -> (o);
                        case 2 -> { if (c()) { yield obj(); } yield "two"; }
                        default -> {
                            switch (k) { case 3: yield "three"; default: break; }
                            Object inner = switch (k) { case 4 -> "four"; default -> { yield "other"; } };
                            yield inner;
                        }
                    };
                }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode outer = g.cfg.reachableNodes(n -> n.kind() == NodeKind.EVAL && n.tree().getKind() == Tree.Kind.SWITCH_EXPRESSION
                && n.path().getParentPath().getLeaf().getKind() == Tree.Kind.RETURN).get(0);
        assertThat(outer.operands()).extracting(CfgOperandsTest::text)
                .containsExactly("o", "obj()", "\"two\"", "\"three\"", "inner");
        outer.operands().forEach(CfgOperandsTest::assertTrueParents);
        List<CfgNode> cases = g.cfg.reachableNodes(n -> n.kind() == NodeKind.CASE
                && n.path().getParentPath().getLeaf() == outer.tree());
        assertThat(cases).hasSize(3).allSatisfy(n -> assertThat(text(n.value())).isEqualTo("k"));
    }

    @Test
    void jumpsKnowTheirTargetAndWhetherAFinallyRunsOnTheWay() {
        Compiled c = Compiled.members("""
                void m(int k) throws Exception {
                    outer:
                    for (int i = 0; i < k; i++) {
                        while (c()) {
                            if (c()) break;
                            if (c()) break outer;
                            if (c()) continue outer;
                            try { if (c()) continue; } finally { a(); }
                        }
                        try (Res r = new Res()) { b(); } catch (E2 e) { break; }
                    }
                }
                """);
        Graph g = Graph.of(c, "m");
        assertThat(target(g, "break;", 0)).isEqualTo("WHILE_LOOP false");
        assertThat(target(g, "break outer;", 0)).isEqualTo("LABELED_STATEMENT false");
        assertThat(target(g, "continue outer;", 0)).isEqualTo("FOR_LOOP false");
        assertThat(target(g, "continue;", 0)).isEqualTo("WHILE_LOOP true");
        // A catch clause runs after the resources were closed: nothing runs between it and the loop.
        assertThat(target(g, "break;", 1)).isEqualTo("FOR_LOOP false");
        assertTrueParents(g.all("break outer;").get(0).jumpTarget().statement());
    }

    @Test
    void aResourceCloseNamesWhatItCloses() {
        Compiled c = Compiled.members("""
                void m(QuietRes given) { try (QuietRes r = new QuietRes(); given) { a(); } }
                """);
        Graph g = Graph.of(c, "m");
        List<CfgNode> closes = g.cfg.reachableNodes(n -> n.kind() == NodeKind.RESOURCE_CLOSE);
        List<String> closed = new ArrayList<>();
        for (CfgNode close : closes) {
            closed.add(close.value().getLeaf().getKind() + " " + text(close.value()));
            assertTrueParents(close.value());
        }
        assertThat(closed).containsExactly("IDENTIFIER given", "VARIABLE QuietRes r = new QuietRes()");
    }

    /** "KIND throughFinally" of the jump target of the n-th reachable node printing as this text. */
    private static String target(Graph g, String text, int index) {
        JumpTarget target = g.nth(text, index).jumpTarget();
        return target.statement().getLeaf().getKind() + " " + target.throughFinally();
    }

    @Test
    void eachValueKnowsWhereItGoesPastParenthesesCastsAndConditionalArms() {
        Compiled c = Compiled.members("""
                void m(Object o, boolean f) { a(); Object x = (Object) (f ? obj() : o); if (o != null) { use(o); } Object y = o == null ? "s" : o; }
                """);
        Graph g = Graph.of(c, "m");
        ValueUse discarded = g.call("a()").use();
        assertThat(discarded.user().getLeaf().getKind()).isEqualTo(Tree.Kind.EXPRESSION_STATEMENT);
        assertThat(discarded.operand()).isSameAs(g.call("a()").tree());
        ValueUse stored = g.call("obj()").use();
        assertThat(stored.user().getLeaf().getKind()).isEqualTo(Tree.Kind.VARIABLE);
        assertThat(stored.operand().toString()).isEqualTo("(Object)(f ? obj() : o)");
        assertTrueParents(stored.user());
        // The condition of a conditional is consumed by it, not passed through.
        CfgNode argument = g.call("use(o)");
        assertThat(text(argument.operands().get(0))).isEqualTo("o");
        assertThat(g.the("o != null", NodeKind.EVAL).use().user().getLeaf().getKind()).isEqualTo(Tree.Kind.IF);
        assertThat(g.the("o == null", NodeKind.EVAL).use().user().getLeaf().getKind())
                .isEqualTo(Tree.Kind.CONDITIONAL_EXPRESSION);
    }

    @Test
    void aStatementListsTheLocalsDeclaredInsideItButNotInItsLambdas() {
        Compiled c = Compiled.members("""
                void m(int[] xs) {
                    for (int x : xs) {
                        int y = x;
                        if (y > 0 && xs instanceof Object o) { Runnable r = () -> { int inLambda = 1; }; }
                        try (QuietRes res = new QuietRes()) { } catch (RuntimeException e) { }
                    }
                }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode head = g.cfg.nodes().stream().filter(n -> n.kind() == NodeKind.LOOP_HEAD).findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        for (TreePath declaration : g.cfg.declarationsIn(head.path())) {
            names.add(((com.sun.source.tree.VariableTree) declaration.getLeaf()).getName().toString());
            assertTrueParents(declaration);
        }
        assertThat(names).containsExactly("x", "y", "o", "r", "res", "e");
        assertThat(g.cfg.declarationsIn(head.path())).isSameAs(g.cfg.declarationsIn(head.path()));
    }

    private static String text(TreePath path) {
        return Compiled.text(path.getLeaf());
    }

    /** The path's chain of parents is the one javac's own search from the compilation unit finds. */
    private static void assertTrueParents(TreePath path) {
        TreePath found = TreePath.getPath(path.getCompilationUnit(), path.getLeaf());
        assertThat(found).as("path to %s", path.getLeaf()).isNotNull();
        for (TreePath mine = path; mine != null || found != null; mine = mine.getParentPath(), found = found.getParentPath()) {
            assertThat(mine).as("depth of the path to %s", path.getLeaf()).isNotNull();
            assertThat(found).as("depth of the path to %s", path.getLeaf()).isNotNull();
            assertThat(mine.getLeaf()).isSameAs(found.getLeaf());
        }
    }
}
