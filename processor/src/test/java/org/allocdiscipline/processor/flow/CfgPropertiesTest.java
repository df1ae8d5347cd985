package org.allocdiscipline.processor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Structural invariants of graphs built from random programs that nest every statement form. */
class CfgPropertiesTest {

    @Property(tries = 40)
    void everyReachableNodeReachesAnExitAndEveryCallIsReachable(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        String members = new RandomProgramGenerator(seed).compilationUnitMembers();
        Compiled compiled = Compiled.members(members);
        for (CfgOptions options : List.of(CfgOptions.DEFAULT, new CfgOptions(true, 0))) {
            Cfg cfg = compiled.cfg("m", options);
            String context = members + "\n" + compiled.print(cfg);
            assertThat(cfg.entry().predecessors()).as(context).isEmpty();
            BitSet leadsOut = nodesThatReachAnExit(cfg);
            for (CfgNode node : cfg.reachableNodes(n -> true)) {
                if (node.isExit()) {
                    assertThat(node.successors()).as(context).isEmpty();
                }
                assertThat(leadsOut.get(node.id())).as("node %s has no way out in\n%s", node, context).isTrue();
            }
            // javac accepted the program, so it found every statement reachable; so must the graph.
            for (MethodInvocationTree call : calls(compiled.method("m").getLeaf())) {
                assertThat(cfg.nodesFor(call)).as("%s in\n%s", call, context).anyMatch(cfg::isReachable);
            }
            assertThat(cfg.normalExits()).as(context).isNotEmpty();
        }
    }

    @Property(tries = 20)
    void finallyCopiesNeverChangeWhatIsReachable(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        String members = new RandomProgramGenerator(seed).compilationUnitMembers();
        Compiled compiled = Compiled.members(members);
        Cfg precise = compiled.cfg("m", CfgOptions.DEFAULT);
        Cfg shared = compiled.cfg("m", new CfgOptions(false, 0));
        assertThat(exitNames(shared)).isEqualTo(exitNames(precise));
        assertThat(shared.nodes().size()).isLessThanOrEqualTo(precise.nodes().size());
    }

    /** Backward search from every exit. */
    private static BitSet nodesThatReachAnExit(Cfg cfg) {
        BitSet seen = new BitSet();
        ArrayDeque<CfgNode> work = new ArrayDeque<>();
        for (CfgNode node : cfg.nodes()) {
            if (node.isExit()) {
                seen.set(node.id());
                work.push(node);
            }
        }
        while (!work.isEmpty()) {
            for (CfgEdge edge : work.pop().predecessors()) {
                if (!seen.get(edge.source().id())) {
                    seen.set(edge.source().id());
                    work.push(edge.source());
                }
            }
        }
        return seen;
    }

    private static List<String> exitNames(Cfg cfg) {
        List<String> names = new ArrayList<>();
        for (CfgNode exit : cfg.reachableNodes(CfgNode::isExit)) {
            names.add(exit.kind() + " " + exit.tree().getKind() + "@" + System.identityHashCode(exit.tree())
                    + " " + exit.exceptionType());
        }
        names.sort(null);
        return names;
    }

    private static List<MethodInvocationTree> calls(Tree tree) {
        List<MethodInvocationTree> calls = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                calls.add(node);
                return super.visitMethodInvocation(node, unused);
            }
        }.scan(tree, null);
        return calls;
    }
}
