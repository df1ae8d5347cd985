package org.allocdiscipline.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.allocdiscipline.processor.Options;
import org.allocdiscipline.processor.report.LocatedFinding;
import org.allocdiscipline.processor.rules.api.Rule;
import org.allocdiscipline.processor.rules.engine.BodyCollector;
import org.allocdiscipline.processor.rules.engine.RuleRunner;
import org.allocdiscipline.processor.testing.Checker;
import org.junit.jupiter.api.Test;

/** The four ownership rules share one analysis per body: enabling all four costs what one costs. */
class SharedAnalysesTest {
    private static final JavaFileObject SOURCE = JavaFileObjects.forSourceLines("shared.Lib",
            "package shared;",
            "import java.lang.foreign.MemorySegment;",
            "import org.allocdiscipline.*;",
            "class Lib {",
            "    void leak(Allocator a) throws AllocationException {",
            "        MemorySegment s = a.alloc(8);",
            "    }",
            "    void twice(Allocator a) throws AllocationException {",
            "        MemorySegment s = a.alloc(8);",
            "        a.free(s);",
            "        a.free(s);",
            "        s.fill((byte) 0);",
            "    }",
            "    int plain(int x) { Runnable r = () -> { }; return x; }",
            "}");

    /** The rules that run, on one compiled class, and what the shared analysis did. */
    private record Run(List<String> findings, int analysedBodies, int bodies) {
    }

    private static Run run(List<Rule> rules) throws IOException {
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null, null,
                List.of("-proc:none", Checker.PLUGIN_OFF, "--release", "25", "-cp", Checker.runtimeLocation().getPath()), null,
                List.of(SOURCE));
        CompilationUnitTree unit = task.parse().iterator().next();
        task.analyze();
        Trees trees = Trees.instance(task);
        Options options = Options.parse(Map.of(), Rules.knownIds(rules));
        RuleRunner runner = new RuleRunner(rules, trees, task.getTypes(), task.getElements(), options);
        ClassTree type = (ClassTree) unit.getTypeDecls().stream().filter(t -> t.getKind() == Tree.Kind.CLASS)
                .findFirst().orElseThrow();
        TreePath classPath = new TreePath(new TreePath(unit), type);
        RuleRunner.Result result = runner.check(unit, classPath);
        List<String> findings = new ArrayList<>();
        for (LocatedFinding found : result.findings()) {
            findings.add(found.finding().line() + " " + found.finding().ruleId());
        }
        int bodies = new BodyCollector(trees, task.getTypes(), task.getElements()).collect(classPath).size();
        return new Run(findings, runner.analyses().analysedBodies(), bodies);
    }

    @Test
    void allFourRulesReadOneAnalysisPerBody() throws IOException {
        Run all = run(List.of(new OwnedNotFreedRule(), new DoubleFreeRule(), new UseAfterFreeRule(),
                new WrongAllocatorRule()));
        Run one = run(List.of(new DoubleFreeRule()));

        assertThat(all.findings()).containsExactly("6 owned-not-freed", "11 double-free", "12 use-after-free");
        assertThat(one.findings()).containsExactly("11 double-free");
        // leak, twice, plain and the lambda: four bodies, each analysed once, whether one rule or four ask.
        assertThat(all.bodies()).isEqualTo(4);
        assertThat(all.analysedBodies()).isEqualTo(all.bodies());
        assertThat(one.analysedBodies()).isEqualTo(all.bodies());
    }

    @Test
    void theHardcodedRuleAloneNeverRunsTheOwnershipAnalysis() throws IOException {
        Run hardcoded = run(List.of(new HardcodedAllocatorRule()));
        assertThat(hardcoded.findings()).isEmpty();
        assertThat(hardcoded.analysedBodies()).isZero();
    }
}
