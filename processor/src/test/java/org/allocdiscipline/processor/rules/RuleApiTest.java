package org.allocdiscipline.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.ReturnTree;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.allocdiscipline.processor.AllocatorDisciplineProcessor;
import org.allocdiscipline.processor.flow.BodyScanner;
import org.allocdiscipline.processor.report.RuleDescriptor;
import org.allocdiscipline.processor.rules.api.BodyContext;
import org.allocdiscipline.processor.rules.api.CodeBody;
import org.allocdiscipline.processor.rules.api.Rule;
import org.allocdiscipline.processor.testing.Checker;
import org.junit.jupiter.api.Test;

/** The contract further rules (the flow rules) are written against. */
class RuleApiTest {
    private static final JavaFileObject SOURCE = JavaFileObjects.forSourceLines("api.Bodies",
            "package api;",
            "import java.util.function.Supplier;",
            "class Bodies {",
            "    static int counter = 1;",
            "    int field = counter + 1;",
            "    static { counter++; }",
            "    Bodies() { }",
            "    int method(int x) {",
            "        Supplier<Integer> s = () -> { return x; };",
            "        Runnable r = new Runnable() { public void run() { counter--; } };",
            "        return s.get();",
            "    }",
            "    abstract static class NoBody { abstract void none(); }",
            "}");

    /**
     * Records every body it is given and the compiler services its context offers, and reports each
     * {@code return} it finds in a body. It asserts nothing itself: the runner would turn a failed
     * assertion into a note, and the test would pass.
     */
    private static class RecordingRule implements Rule {
        final List<String> bodies = new ArrayList<>();
        final List<Object> services = new ArrayList<>();

        @Override
        public RuleDescriptor descriptor() {
            return new RuleDescriptor("test-recording", "Records bodies.", "None.");
        }

        @Override
        public void check(BodyContext context) {
            services.addAll(Arrays.asList(context.trees(), context.types(), context.elements(), context.options()));
            bodies.add(context.body().kind() + " " + context.body().signature());
            new BodyScanner<Void, Void>() {
                @Override
                public Void visitReturn(ReturnTree node, Void unused) {
                    context.findings().report(getCurrentPath(), "a return in " + context.body().displayName() + ".",
                            "Nothing to fix.");
                    return super.visitReturn(node, unused);
                }
            }.scan(context.body().body(), null);
        }
    }

    @Test
    void everyBodyIsHandedOverOnItsOwnAndFindingsAreReported() {
        RecordingRule rule = new RecordingRule();
        Compilation compilation = Checker.compile(new AllocatorDisciplineProcessor(List.of(rule)), List.of(SOURCE));

        assertThat(rule.bodies).containsExactly(
                "FIELD_INITIALIZER api.Bodies.counter",
                "FIELD_INITIALIZER api.Bodies.field",
                "INITIALIZER api.Bodies.<clinit>",
                "METHOD api.Bodies.<init>()",
                "METHOD api.Bodies.method(int)",
                "LAMBDA api.Bodies.method(int)",
                "METHOD api.Bodies.method(int).new Runnable(){}.run()");
        assertThat(rule.services).as("trees, types, elements and options for each body").hasSize(4 * 7)
                .doesNotContainNull();
        assertThat(Checker.notes(compilation)).noneMatch(n -> n.contains("internal error"));
        // The lambda's return and the method's return are separate findings of separate bodies.
        assertThat(Checker.findings(compilation)).extracting(d -> d.getLineNumber() + " " + d.getMessage(Locale.ROOT))
                .containsExactly(
                        "9 [test-recording] a return in a lambda in api.Bodies.method(int). Fix: Nothing to fix.",
                        "11 [test-recording] a return in api.Bodies.method(int). Fix: Nothing to fix.");
    }

    @Test
    void extraRulesCanBeDisabledLikeBuiltInOnes() {
        RecordingRule rule = new RecordingRule();
        Checker.compile(new AllocatorDisciplineProcessor(List.of(rule)), List.of(SOURCE),
                "-Aallocdiscipline.disable=test-recording");
        assertThat(rule.bodies).isEmpty();
    }

    @Test
    void bodyScannerDoesNotEnterNestedBodies() {
        List<String> seen = new ArrayList<>();
        Rule rule = new RecordingRule() {
            @Override
            public void check(BodyContext context) {
                if (context.body().kind() != CodeBody.Kind.METHOD
                        || !context.body().signature().equals("api.Bodies.method(int)")) {
                    return;
                }
                new BodyScanner<Void, Void>() {
                    @Override
                    public Void visitReturn(ReturnTree node, Void unused) {
                        seen.add(node.toString());
                        return null;
                    }
                }.scan(context.body().body(), null);
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitReturn(ReturnTree node, Void unused) {
                        seen.add("deep " + node);
                        return null;
                    }
                }.scan(context.body().body(), null);
            }
        };
        Compilation compilation = Checker.compile(new AllocatorDisciplineProcessor(List.of(rule)), List.of(SOURCE));
        assertThat(Checker.notes(compilation)).noneMatch(n -> n.contains("internal error"));
        assertThat(seen).containsExactly("return s.get();", "deep return x;", "deep return s.get();");
    }
}
