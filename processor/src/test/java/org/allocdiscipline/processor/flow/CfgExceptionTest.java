package org.allocdiscipline.processor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exceptional edges, catch routing, finally blocks and try-with-resources. */
class CfgExceptionTest {

    @Test
    void uncaughtCheckedExceptionsReachExceptionalExitsNamedByCauseAndType() {
        Compiled c = Compiled.members("""
                void m() throws Exception { io(); a(); if (c()) throw new E2(); e1(); }
                """);
        Graph g = Graph.of(c, "m");
        assertThat(g.exceptionalExits()).containsExactly(
                "io() ! java.io.IOException", "throw new E2(); ! E2", "e1() ! E1");
        // The exceptional edge leaves the call itself: the call did not complete.
        assertThat(g.call("io()").successors()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EdgeKind.EXCEPTION);
            assertThat(e.target().kind()).isEqualTo(NodeKind.EXCEPTIONAL_EXIT);
        });
        assertThat(g.call("a()").successors()).allMatch(e -> e.kind() == EdgeKind.NORMAL);
    }

    @Test
    void uncheckedExceptionsOnlyWithTheOption() {
        Compiled c = Compiled.members("""
                static void iae() throws IllegalArgumentException {}
                void m() { a(); iae(); Object o = new Object(); }
                """);
        assertThat(Graph.of(c, "m").exceptionalExits()).isEmpty();
        Graph g = Graph.of(c, "m", CfgOptions.DEFAULT.withUncheckedExceptions(true));
        assertThat(g.exceptionalExits()).contains(
                "a() ! java.lang.RuntimeException", "a() ! java.lang.Error",
                "iae() ! java.lang.IllegalArgumentException",
                "new Object() ! java.lang.RuntimeException");
    }

    @Test
    void genericThrowsClauseIsInstantiated() {
        Compiled c = Compiled.members("""
                interface Action<X extends Exception> { void run() throws X; }
                void m(Action<E2> action, Action<RuntimeException> quiet) throws E2 { action.run(); quiet.run(); }
                """);
        Graph g = Graph.of(c, "m");
        assertThat(g.exceptionalExits()).containsExactly("action.run() ! E2");
    }

    @Test
    void exceptionsGoToTheFirstMatchingCatchIncludingSupertypesAndMultiCatch() {
        Compiled c = Compiled.members("""
                void m() throws E2 {
                    try { e1a(); e2(); io(); }
                    catch (E1 | IOException e) { a(); }
                    catch (Exception e) { b(); }
                    d();
                }
                """);
        Graph g = Graph.of(c, "m");
        List<CfgNode> catches = g.cfg.reachableNodes(n -> n.kind() == NodeKind.CATCH);
        assertThat(catches).hasSize(2);
        assertThat(g.successors(g.call("e1a()"), EdgeKind.EXCEPTION)).containsExactly(catches.get(0));
        assertThat(g.successors(g.call("io()"), EdgeKind.EXCEPTION)).containsExactly(catches.get(0));
        assertThat(g.successors(g.call("e2()"), EdgeKind.EXCEPTION)).containsExactly(catches.get(1));
        assertThat(g.exceptionalExits()).isEmpty();
        assertThat(g.reaches(g.call("a()"), g.call("d()"))).isTrue();
    }

    @Test
    void aCatchOfASubtypeMayCatchSoTheExceptionAlsoPropagates() {
        Compiled c = Compiled.members("""
                static void any() throws Exception {}
                void m() throws Exception { try { any(); } catch (IOException e) { a(); } }
                """);
        Graph g = Graph.of(c, "m");
        assertThat(g.successors(g.call("any()"), EdgeKind.EXCEPTION)).hasSize(2);
        assertThat(g.exceptionalExits()).containsExactly("any() ! java.lang.Exception");
        assertThat(g.call("any()").successors()).anySatisfy(e ->
                assertThat(String.valueOf(e.exceptionType())).isEqualTo("java.io.IOException"));
    }

    @Test
    void finallyRunsOnReturnBreakContinueAndException() {
        Compiled c = Compiled.members("""
                int m() throws IOException {
                    for (int i = 0; i < 3; i++) {
                        try {
                            if (c()) return 1;
                            if (c()) break;
                            if (c()) continue;
                            io();
                        } finally {
                            d();
                        }
                        a();
                    }
                    b();
                    return 2;
                }
                """);
        Graph g = Graph.of(c, "m");
        // One copy of the finally block per way out: normal, return, break, continue, exception.
        assertThat(g.all("d()")).hasSize(5);
        CfgNode returnExit = g.cfg.normalExits().stream()
                .filter(n -> Compiled.text(n.tree()).equals("return 1;")).findFirst().orElseThrow();
        CfgNode ret = g.the("return 1;", NodeKind.RETURN);
        assertThat(g.reaches(ret, returnExit)).isTrue();
        assertThat(g.reachesAvoiding(ret, returnExit, "d()")).isFalse();
        // After the break's finally copy control leaves the loop (to b()), never to a().
        CfgNode brk = g.the("break;", NodeKind.JUMP);
        assertThat(g.reachesAvoiding(brk, g.call("b()"), "d()")).isFalse();
        assertThat(g.reachesAvoiding(brk, g.call("a()"), "i++")).isFalse();
        // After continue's copy control goes to the update, skipping a().
        CfgNode cont = g.the("continue;", NodeKind.JUMP);
        assertThat(g.reachesAvoiding(cont, g.the("i++", NodeKind.EVAL), "d()")).isFalse();
        assertThat(g.reachesAvoiding(cont, g.call("a()"), "i++")).isFalse();
        // The exception passes the finally block and then leaves the method.
        CfgNode io = g.call("io()");
        CfgNode ioExit = g.cfg.exceptionalExits().get(0);
        assertThat(g.exceptionalExits()).containsExactly("io() ! java.io.IOException");
        assertThat(g.reaches(io, ioExit)).isTrue();
        assertThat(g.reachesAvoiding(io, ioExit, "d()")).isFalse();
        // And the copy on the exception path does not continue normally.
        CfgNode exceptionCopy = g.successors(io, EdgeKind.EXCEPTION).get(0);
        assertThat(g.reachesAvoiding(exceptionCopy, g.call("a()"), "i++")).isFalse();
    }

    @Test
    void finallyThatCannotCompleteDiscardsThePendingJump() {
        Compiled c = Compiled.members("""
                @SuppressWarnings("finally")
                int m() { try { io(); return 1; } finally { return 2; } }
                """);
        Graph g = Graph.of(c, "m");
        assertThat(g.exceptionalExits()).isEmpty();
        assertThat(g.normalExits()).containsExactly("return 2;");
    }

    @Test
    void exceptionsInCatchBlocksAlsoRunTheFinallyBlock() {
        Compiled c = Compiled.members("""
                void m() throws E2 { try { io(); } catch (IOException e) { e2(); } finally { d(); } }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode exit = g.cfg.exceptionalExits().get(0);
        assertThat(g.exceptionalExits()).containsExactly("e2() ! E2");
        assertThat(g.reachesAvoiding(g.call("e2()"), exit, "d()")).isFalse();
        assertThat(g.reaches(g.call("e2()"), exit)).isTrue();
    }

    @Test
    void nestedFinallyBlocksRunInnermostFirst() {
        Compiled c = Compiled.members("""
                int m() { try { try { return 1; } finally { a(); } } finally { b(); } }
                """);
        Graph g = Graph.of(c, "m");
        CfgNode ret = g.the("return 1;", NodeKind.RETURN);
        CfgNode exit = g.cfg.normalExits().get(0);
        assertThat(g.reachesAvoiding(ret, exit, "a()")).isFalse();
        assertThat(g.reachesAvoiding(ret, exit, "b()")).isFalse();
        CfgNode a = g.successors(ret, EdgeKind.NORMAL).get(0);
        assertThat(Compiled.text(a.tree())).isEqualTo("a()");
        assertThat(g.reachesAvoiding(a, exit, "b()")).isFalse();
    }

    @Test
    void tryWithResourcesClosesInReverseOrderOnEveryExit() {
        Compiled c = Compiled.members("""
                static Res open() { return new Res(); }
                static QuietRes quiet() { return new QuietRes(); }
                void m() throws IOException, E2 {
                    try (Res r = open(); QuietRes q = quiet()) { io(); a(); }
                    b();
                }
                """);
        Graph g = Graph.of(c, "m");
        List<CfgNode> closeR = g.cfg.reachableNodes(n -> n.kind() == NodeKind.RESOURCE_CLOSE
                && Compiled.text(n.tree()).startsWith("Res r"));
        List<CfgNode> closeQ = g.cfg.reachableNodes(n -> n.kind() == NodeKind.RESOURCE_CLOSE
                && Compiled.text(n.tree()).startsWith("QuietRes q"));
        assertThat(closeR).isNotEmpty();
        assertThat(closeQ).isNotEmpty();
        // Normal path: q closed, then r, then b().
        CfgNode a = g.call("a()");
        CfgNode q = g.successors(a, EdgeKind.NORMAL).get(0);
        assertThat(q.kind()).isEqualTo(NodeKind.RESOURCE_CLOSE);
        assertThat(Compiled.text(q.tree())).startsWith("QuietRes q");
        assertThat(Compiled.text(g.successors(q, EdgeKind.NORMAL).get(0).tree())).startsWith("Res r");
        // The exception from io() reaches the exit only after closing both resources.
        CfgNode ioExit = g.cfg.exceptionalExits().stream()
                .filter(n -> Compiled.text(n.tree()).equals("io()")).findFirst().orElseThrow();
        CfgNode io = g.call("io()");
        assertThat(g.cfg.reachableAvoiding(io, n -> n.kind() == NodeKind.RESOURCE_CLOSE).get(ioExit.id())).isFalse();
        assertThat(g.reaches(io, ioExit)).isTrue();
        // close() of Res declares E2: each close of r is a cause of its own exceptional exit.
        assertThat(g.exceptionalExits()).contains("Res r = open() ! E2", "io() ! java.io.IOException");
        assertThat(g.exceptionalExits()).noneMatch(s -> s.startsWith("QuietRes"));
        // If quiet() fails... it cannot (no checked exceptions): q is only closed after it was opened.
        assertThat(g.reaches(g.call("b()"), closeR.get(0))).isFalse();
    }

    @Test
    void aResourceClosesWithTheThrowsClauseOfItsOwnCloseOrElseTheInheritedOne() {
        // TwoRes narrows AutoCloseable's `throws Exception` to two exceptions: its own declaration is the
        // most specific, whatever the order in which javac lists inherited members. SubRes declares none
        // and closes as Res does.
        Compiled c = Compiled.members("""
                static class TwoRes implements AutoCloseable { public void close() throws E1, E2 {} }
                static class SubRes extends Res {}
                void m() throws E1, E2 { try (TwoRes t = new TwoRes()) { a(); } }
                void k() throws E2 { try (SubRes s = new SubRes()) { a(); } }
                """);
        assertThat(Graph.of(c, "m").exceptionalExits())
                .contains("TwoRes t = new TwoRes() ! E1", "TwoRes t = new TwoRes() ! E2")
                .noneMatch(exit -> exit.endsWith("java.lang.Exception"));
        assertThat(Graph.of(c, "k").exceptionalExits()).contains("SubRes s = new SubRes() ! E2")
                .noneMatch(exit -> exit.endsWith("java.lang.Exception"));
    }

    @Test
    void resourceInitializationFailureClosesOnlyTheEarlierResources() {
        Compiled c = Compiled.members("""
                static Res open() throws E1 { return new Res(); }
                void m() throws E1, E2 { try (Res r = open(); Res s = open()) { a(); } }
                """);
        Graph g = Graph.of(c, "m");
        List<CfgNode> opens = g.all("open()");
        assertThat(opens).hasSize(2);
        CfgNode first = opens.get(0);
        CfgNode second = opens.get(1);
        assertThat(g.successors(first, EdgeKind.EXCEPTION)).allMatch(n -> n.kind() == NodeKind.EXCEPTIONAL_EXIT);
        List<CfgNode> afterSecond = g.successors(second, EdgeKind.EXCEPTION);
        assertThat(afterSecond).hasSize(1);
        assertThat(afterSecond.get(0).kind()).isEqualTo(NodeKind.RESOURCE_CLOSE);
        assertThat(Compiled.text(afterSecond.get(0).tree())).startsWith("Res r");
    }

    @Test
    void catchClausesOfTryWithResourcesSeeCloseExceptions() {
        Compiled c = Compiled.members("""
                void m() { try (Res r = new Res()) { a(); } catch (E2 e) { b(); } }
                """);
        Graph g = Graph.of(c, "m");
        assertThat(g.exceptionalExits()).isEmpty();
        CfgNode close = g.cfg.reachableNodes(n -> n.kind() == NodeKind.RESOURCE_CLOSE).get(0);
        assertThat(g.successors(close, EdgeKind.EXCEPTION)).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(NodeKind.CATCH));
    }

    @Test
    void largeFinallyBlocksBeyondTheBudgetShareOneCopyPerTarget() {
        Compiled c = Compiled.members("""
                void m() throws IOException { try { io(); io(); io(); if (c()) return; } finally { a(); b(); } }
                """);
        Graph precise = Graph.of(c, "m");
        assertThat(precise.all("a()")).hasSize(5);
        Graph shared = Graph.of(c, "m", new CfgOptions(false, 1));
        assertThat(shared.all("a()")).hasSize(3);
        // Every cause still has its own exit.
        assertThat(shared.exceptionalExits()).hasSize(3);
        assertThat(shared.normalExits()).containsExactlyInAnyOrder("return;", "end");
    }
}
