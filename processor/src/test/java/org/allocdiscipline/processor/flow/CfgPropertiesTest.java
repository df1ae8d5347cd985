package org.allocdiscipline.processor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Structural invariants of graphs built from random programs that nest every statement form. */
class CfgPropertiesTest {

    @Property(tries = 60)
    void everyReachableNodeReachesAnExitAndEveryCallIsReachable(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        String members = new RandomProgramGenerator(seed).compilationUnitMembers();
        Compiled compiled = Compiled.members(members);
        for (CfgOptions options : List.of(CfgOptions.DEFAULT, new CfgOptions(true, 0))) {
            Cfg cfg = compiled.cfg("m", options);
            String context = members + "\n" + compiled.print(cfg);
            assertThat(cfg.entry().predecessors()).as(context).isEmpty();
            for (CfgNode node : cfg.reachableNodes(n -> true)) {
                if (node.isExit()) {
                    assertThat(node.successors()).as(context).isEmpty();
                    continue;
                }
                BitSet reached = cfg.reachableFrom(node);
                boolean exits = false;
                for (int i = reached.nextSetBit(0); i >= 0 && !exits; i = reached.nextSetBit(i + 1)) {
                    exits = cfg.nodes().get(i).isExit();
                }
                assertThat(exits).as("node %s has no way out in\n%s", node, context).isTrue();
            }
            // javac accepted the program, so it found every statement reachable; so must the graph.
            for (MethodInvocationTree call : calls(compiled.method("m").getLeaf())) {
                assertThat(cfg.nodesFor(call)).as("%s in\n%s", call, context).anyMatch(cfg::isReachable);
            }
            assertThat(cfg.normalExits()).as(context).isNotEmpty();
        }
    }

    @Property(tries = 30)
    void finallyCopiesNeverChangeWhatIsReachable(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        String members = new RandomProgramGenerator(seed).compilationUnitMembers();
        Compiled compiled = Compiled.members(members);
        Cfg precise = compiled.cfg("m", CfgOptions.DEFAULT);
        Cfg shared = compiled.cfg("m", new CfgOptions(false, 0));
        assertThat(exitNames(shared)).isEqualTo(exitNames(precise));
        assertThat(shared.nodes().size()).isLessThanOrEqualTo(precise.nodes().size());
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
