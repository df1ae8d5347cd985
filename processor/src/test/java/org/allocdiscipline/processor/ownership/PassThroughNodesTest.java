package org.allocdiscipline.processor.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.allocdiscipline.processor.flow.Cfg;
import org.allocdiscipline.processor.flow.CfgBuilder;
import org.allocdiscipline.processor.flow.CfgEdge;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.CfgOptions;
import org.allocdiscipline.processor.flow.DataflowResult;
import org.allocdiscipline.processor.flow.ForwardAnalysis;
import org.allocdiscipline.processor.flow.ForwardDataflow;
import org.allocdiscipline.processor.testing.CollectedBodies;
import org.junit.jupiter.api.Test;

/**
 * The nodes that the ownership transfer passes the state through change nothing: solving every body with
 * them passed through gives the same state before and after every node, and the same findings, as
 * transferring every node, both for findings and for summaries.
 */
class PassThroughNodesTest {

    @Property(tries = 20)
    void randomProgramsSolveAlikeWithAndWithoutPassingThrough(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        assertSolvesAlike(new OwnedProgramGenerator(seed).source());
    }

    @Test
    void fieldsContainersBindingsFlagsAndLambdasSolveAlike() {
        assertSolvesAlike("""
                class Test implements AutoCloseable {
                    private final Allocator a = PageAllocator.INSTANCE;
                    @Owned private MemorySegment buffer;
                    private int count;

                    @Override
                    public void close() {
                        if (buffer != null && count >= 0) {
                            a.free(buffer);
                        }
                        use(this.buffer);
                        buffer = null;
                    }

                    void store(java.util.List<MemorySegment> list, MemorySegment[] parts) throws AllocationException {
                        MemorySegment made = a.alloc(4);
                        list.add(made);
                        parts[0] = a.alloc(2);
                        boolean done = false;
                        int n = count + 1;
                        Object held = made;
                        if (held instanceof MemorySegment s && n > 0) {
                            use(s);
                        }
                        switch (held) {
                            case MemorySegment t -> use(t);
                            default -> use(null);
                        }
                        Runnable later = () -> use(made);
                        while (!done) {
                            done = n > 3;
                            n++;
                        }
                        String text = "x" + n;
                        for (MemorySegment each : list) {
                            a.free(each);
                        }
                        a.free(parts[0]);
                        use(text == null ? null : made);
                        try (ArenaAllocator arena = new ArenaAllocator(a)) {
                            MemorySegment region = arena.alloc(n);
                            use(region);
                        }
                    }

                    void later(@Owned MemorySegment p) throws AllocationException {
                        a.free(p);
                        use(p);
                        MemorySegment kept = a.alloc(1);
                        sink.take(kept);
                        MemorySegment lost = a.alloc(1);
                        sink.look(lost);
                    }

                    private final Sink sink = null;

                    interface Sink {
                        void take(@Owned MemorySegment taken);

                        void look(MemorySegment lent);
                    }

                    private MemorySegment release(MemorySegment given) {
                        MemorySegment copy = given;
                        a.free(copy);
                        return null;
                    }

                    private static void use(Object value) {
                    }
                }
                """);
    }

    private static void assertSolvesAlike(String source) {
        OwnershipHarness.Compiled compiled = OwnershipHarness.compile(source);
        OwnershipAnnotations annotations = new OwnershipAnnotations(compiled.task().getTypes(), compiled.task().getElements());
        CfgBuilder builder = new CfgBuilder(compiled.trees(), compiled.task().getTypes(), compiled.task().getElements(),
                CfgOptions.DEFAULT);
        ArenaFields arenaFields = new ArenaFields(compiled.trees(), annotations);
        MethodSummaries summaries = new MethodSummaries(compiled.trees(), annotations, builder, arenaFields);
        int passedThrough = 0;
        for (TreePath body : CollectedBodies.of(compiled.task(), compiled.unit())) {
            Cfg cfg = builder.build(body);
            Map<Element, TreePath> fields = body.getLeaf() instanceof MethodTree && body.getParentPath().getLeaf() instanceof ClassTree
                    ? OwnershipAnalysis.ownedFields(compiled.trees(), body.getParentPath(), arenaFields) : Map.of();
            // A summary's solve owns every parameter; only methods are summarised.
            for (boolean probe : body.getLeaf() instanceof MethodTree ? new boolean[] {false, true} : new boolean[] {false}) {
                passedThrough += assertSolvesAlike(compiled, annotations, summaries, cfg, fields, probe);
            }
        }
        assertThat(passedThrough).as("nodes passed through").isPositive();
    }

    /** Solves a body both ways and compares; gives how many nodes the sparse solve passed the state through. */
    private static int assertSolvesAlike(OwnershipHarness.Compiled compiled, OwnershipAnnotations annotations,
                                         MethodSummaries summaries, Cfg cfg, Map<Element, TreePath> fields, boolean probe) {
        FindingLog sparseLog = new FindingLog(cfg.nodes().size());
        OwnershipTransfer sparse = new OwnershipTransfer(compiled.trees(), annotations, summaries, cfg, fields, sparseLog, probe);
        FindingLog denseLog = new FindingLog(cfg.nodes().size());
        OwnershipTransfer dense = new OwnershipTransfer(compiled.trees(), annotations, summaries, cfg, fields, denseLog, probe);
        DataflowResult<OwnershipState> sparseResult = ForwardDataflow.solve(cfg, sparse);
        DataflowResult<OwnershipState> denseResult = ForwardDataflow.solve(cfg, everyNode(dense));
        String where = cfg.toString();
        for (CfgNode node : cfg.nodes()) {
            assertThat(sparseResult.before(node)).as("before %s in%n%s", node, where).isEqualTo(denseResult.before(node));
            assertThat(sparseResult.after(node)).as("after %s in%n%s", node, where).isEqualTo(denseResult.after(node));
        }
        assertThat(rendered(compiled, sparseLog)).as(where).isEqualTo(rendered(compiled, denseLog));
        return denseResult.transfers() - sparseResult.transfers();
    }

    /** The analysis with every node transferred: none passes the state through. */
    private static ForwardAnalysis<OwnershipState> everyNode(OwnershipTransfer transfer) {
        return new ForwardAnalysis<>() {
            @Override
            public OwnershipState entryState(Cfg cfg) {
                return transfer.entryState(cfg);
            }

            @Override
            public OwnershipState join(OwnershipState a, OwnershipState b) {
                return transfer.join(a, b);
            }

            @Override
            public OwnershipState transfer(CfgNode node, OwnershipState before) {
                return transfer.transfer(node, before);
            }

            @Override
            public OwnershipState propagate(CfgEdge edge, OwnershipState before, OwnershipState after) {
                return transfer.propagate(edge, before, after);
            }

            @Override
            public BitSet passThrough(Cfg cfg) {
                return new BitSet();
            }
        };
    }

    /** The logged findings by the trees they name (paths to the same tree are made afresh by each solve). */
    private static List<String> rendered(OwnershipHarness.Compiled compiled, FindingLog log) {
        Findings findings = new Findings();
        log.replay(findings);
        OwnershipFindings result = findings.result(compiled.trees(), List.of());
        List<String> lines = new ArrayList<>();
        result.leaks().forEach(l -> lines.add("leak " + l.reason() + " " + id(l.site()) + " " + System.identityHashCode(l.at())
                + (l.helper() == null ? "" : " " + l.helper().kind() + " " + System.identityHashCode(l.helper().call()))));
        result.doubleReleases().forEach(d -> lines.add("double " + id(d.release()) + " " + System.identityHashCode(d.allocation())));
        result.usesAfterRelease().forEach(u -> lines.add("use " + id(u.use()) + " " + System.identityHashCode(u.allocation())));
        result.wrongAllocators().forEach(w -> lines.add("wrong " + id(w.release())));
        return lines;
    }

    private static int id(TreePath path) {
        return System.identityHashCode(path.getLeaf());
    }
}
