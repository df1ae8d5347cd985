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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.allocdiscipline.processor.Options;
import org.allocdiscipline.processor.report.LocatedFinding;
import org.allocdiscipline.processor.report.RuleDescriptor;
import org.allocdiscipline.processor.rules.api.BodyContext;
import org.allocdiscipline.processor.rules.api.Rule;
import org.allocdiscipline.processor.rules.engine.RuleRunner;
import org.allocdiscipline.processor.testing.Checker;
import org.junit.jupiter.api.Test;

/**
 * The runner skips a top-level class in which no built-in rule can find anything, and checks every
 * class that brings an owned value in, names a global allocator or an arena factory, or holds an
 * arena made elsewhere in a final {@code SegmentAllocator} field.
 */
class ClassScreenTest {
    private static final List<JavaFileObject> SOURCES = List.of(
            JavaFileObjects.forSourceLines("screen.Plain",
                    "package screen;",
                    "import java.io.*;",
                    "class Plain implements Closeable {",
                    "    static final Plain INSTANCE = new Plain();",
                    "    private final StringWriter out = new StringWriter();",
                    "    Plain get() { return Plain.INSTANCE; }",
                    "    void copy(Reader in) throws IOException { try (in) { in.transferTo(out); } }",
                    "    @Override public void close() { Runnable r = () -> out.flush(); r.run(); }",
                    "}"),
            JavaFileObjects.forSourceLines("screen.Global",
                    "package screen;",
                    "import org.allocdiscipline.*;",
                    "public class Global {",
                    "    public Allocator pick() { return PageAllocator.INSTANCE; }",
                    "}"),
            JavaFileObjects.forSourceLines("screen.Holder",
                    "package screen;",
                    "import java.lang.foreign.Arena;",
                    "class Holder {",
                    "    static final Arena ARENA = Arena.ofAuto();",
                    "}"),
            JavaFileObjects.forSourceLines("screen.Uses",
                    "package screen;",
                    "import java.lang.foreign.*;",
                    "public class Uses {",
                    "    private final SegmentAllocator arena = Holder.ARENA;",
                    "    public MemorySegment get() { return arena.allocate(8); }",
                    "}"),
            JavaFileObjects.forSourceLines("screen.Factory",
                    "package screen;",
                    "import java.lang.foreign.MemorySegment;",
                    "import org.allocdiscipline.*;",
                    "class Factory {",
                    "    static @Owned MemorySegment make(Allocator allocator) throws AllocationException {",
                    "        return allocator.alloc(8);",
                    "    }",
                    "}"),
            JavaFileObjects.forSourceLines("screen.Caller",
                    "package screen;",
                    "import org.allocdiscipline.*;",
                    "class Caller {",
                    "    void drop(Allocator allocator) throws AllocationException { Factory.make(allocator); }",
                    "}"));

    /** What the runner did with one top-level class. */
    private record Checked(int bodies, List<String> findings) {
    }

    private static Map<String, Checked> run(List<Rule> rules) throws IOException {
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null, null,
                List.of("-proc:none", Checker.PLUGIN_OFF, "--release", "25", "-cp", Checker.runtimeLocation().getPath()),
                null, SOURCES);
        List<CompilationUnitTree> units = new ArrayList<>();
        task.parse().forEach(units::add);
        task.analyze();
        RuleRunner runner = new RuleRunner(rules, Trees.instance(task), task.getTypes(), task.getElements(),
                Options.parse(Map.of(), Rules.knownIds(rules)));
        Map<String, Checked> checked = new LinkedHashMap<>();
        for (CompilationUnitTree unit : units) {
            for (Tree type : unit.getTypeDecls()) {
                RuleRunner.Result result = runner.check(unit, new TreePath(new TreePath(unit), type));
                List<String> findings = new ArrayList<>();
                for (LocatedFinding found : result.findings()) {
                    findings.add(found.finding().line() + " " + found.finding().ruleId());
                }
                checked.put(((ClassTree) type).getSimpleName().toString(), new Checked(result.bodies(), findings));
            }
        }
        return checked;
    }

    @Test
    void skipsOnlyClassesWhereNoBuiltInRuleCanFindAnything() throws IOException {
        Map<String, Checked> checked = run(Rules.builtIn());

        // An INSTANCE of its own, streams closed, a lambda: nothing owned, no allocator, no arena.
        assertThat(checked.get("Plain")).isEqualTo(new Checked(0, List.of()));
        assertThat(checked.get("Global")).isEqualTo(new Checked(1, List.of("4 hardcoded-allocator")));
        assertThat(checked.get("Holder").bodies()).isEqualTo(1);
        // Names no arena factory: the final SegmentAllocator field leads to the one Holder makes.
        assertThat(checked.get("Uses")).isEqualTo(new Checked(2, List.of("5 hardcoded-allocator")));
        assertThat(checked.get("Factory").bodies()).isEqualTo(1);
        // Names nothing of the API but a method of another class whose result is owned.
        assertThat(checked.get("Caller")).isEqualTo(new Checked(1, List.of("4 owned-not-freed")));
    }

    @Test
    void aRuleThatNeedsEveryClassSeesEveryClass() throws IOException {
        List<Rule> rules = new ArrayList<>(Rules.builtIn());
        rules.add(new Rule() {
            @Override
            public RuleDescriptor descriptor() {
                return RuleDescriptor.documented("every-body", "Looks at every body.", "Nothing to fix.");
            }

            @Override
            public void check(BodyContext context) {
            }
        });

        Map<String, Checked> checked = run(rules);

        // Two field initializers, three methods and a lambda.
        assertThat(checked.get("Plain")).isEqualTo(new Checked(6, List.of()));
        assertThat(checked.get("Global")).isEqualTo(new Checked(1, List.of("4 hardcoded-allocator")));
    }
}
