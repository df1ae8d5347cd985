package org.allocdiscipline.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.allocdiscipline.processor.testing.Checker;
import org.junit.jupiter.api.Test;

/**
 * The checker as a javac plugin: javac starts it by itself from the service file (here, on the test
 * class path), it checks under {@code -proc:none}, takes its options as plugin arguments, and stands
 * down when the processor checks the compilation.
 */
class PluginTest {
    private static final JavaFileObject LIB = JavaFileObjects.forSourceLines("plugin.Lib",
            "package plugin;",
            "import java.lang.foreign.MemorySegment;",
            "import org.allocdiscipline.AllocationException;",
            "import org.allocdiscipline.Owned;",
            "import org.allocdiscipline.PageAllocator;",
            "class Lib {",
            "    @Owned MemorySegment buffer() throws AllocationException {",
            "        return PageAllocator.INSTANCE.alloc(8);",
            "    }",
            "}");

    private static Compilation pluginOnly(String... options) {
        List<String> all = new ArrayList<>(List.of("--release", "25", "-proc:none"));
        all.addAll(List.of(options));
        return Compiler.javac().withClasspath(List.of(Checker.runtimeLocation())).withOptions(all).compile(LIB);
    }

    private static List<String> messages(Compilation compilation, Diagnostic.Kind kind) {
        return compilation.diagnostics().stream().filter(d -> d.getKind() == kind)
                .map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    @Test
    void startsByItselfUnderProcNoneAndReportsAtTheTree() {
        Compilation compilation = pluginOnly();

        assertThat(compilation.status()).as(Checker.dump(compilation)).isEqualTo(Compilation.Status.SUCCESS);
        List<Diagnostic<? extends JavaFileObject>> findings = Checker.findings(compilation);
        assertThat(findings).as(Checker.dump(compilation)).hasSize(1);
        assertThat(findings.get(0).getKind()).isEqualTo(Diagnostic.Kind.MANDATORY_WARNING);
        assertThat(findings.get(0).getMessage(Locale.ROOT)).startsWith("[hardcoded-allocator] plugin.Lib.buffer()");
        assertThat(findings.get(0).getLineNumber()).isEqualTo(8);
        assertThat(findings.get(0).getColumnNumber()).isEqualTo(29);
        assertThat(Checker.notes(compilation)).containsOnlyOnce("allocdiscipline: 1 finding (1 new)");
    }

    @Test
    void withoutArgumentsItSaysThatItDoesNotSeeDashAOptions() {
        Compilation dropped = pluginOnly("-Aallocdiscipline.severity=error");

        assertThat(dropped.status()).as(Checker.dump(dropped)).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(Checker.findings(dropped)).singleElement()
                .satisfies(d -> assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.MANDATORY_WARNING));
        assertThat(Checker.notes(dropped)).containsOnlyOnce(AllocDisciplinePlugin.DEFAULT_OPTIONS_NOTE);

        Compilation withArguments = pluginOnly("-Xplugin:AllocDiscipline severity=warning");
        assertThat(Checker.notes(withArguments)).as(Checker.dump(withArguments))
                .contains("allocdiscipline: 1 finding (1 new)")
                .doesNotContain(AllocDisciplinePlugin.DEFAULT_OPTIONS_NOTE);

        Compilation processorChecks = Checker.compile(List.of(LIB));
        assertThat(Checker.notes(processorChecks)).doesNotContain(AllocDisciplinePlugin.DEFAULT_OPTIONS_NOTE);
    }

    @Test
    void argumentsAreItsOptions() {
        Compilation compilation = pluginOnly("-Xplugin:AllocDiscipline severity=error allocdiscipline.timing=true");

        assertThat(compilation.status()).as(Checker.dump(compilation)).isEqualTo(Compilation.Status.FAILURE);
        assertThat(messages(compilation, Diagnostic.Kind.ERROR)).singleElement()
                .satisfies(m -> assertThat(m).startsWith("[hardcoded-allocator] "));
        assertThat(Checker.notes(compilation)).anyMatch(n -> n.startsWith("allocdiscipline: analysed 1 body in 1 file"));
    }

    @Test
    void badArgumentsAreErrorsThatSayWhereTheyCameFrom() {
        Compilation malformed = pluginOnly("-Xplugin:AllocDiscipline error");
        assertThat(malformed.status()).isEqualTo(Compilation.Status.FAILURE);
        assertThat(messages(malformed, Diagnostic.Kind.ERROR)).containsExactly(
                "allocdiscipline: the plugin argument 'error' is not key=value, e.g. severity=error");

        Compilation unknown = pluginOnly("-Xplugin:AllocDiscipline colour=red");
        assertThat(unknown.status()).isEqualTo(Compilation.Status.FAILURE);
        assertThat(messages(unknown, Diagnostic.Kind.ERROR)).singleElement().satisfies(m -> assertThat(m)
                .contains("allocdiscipline.colour").endsWith("(given as -Xplugin:AllocDiscipline arguments)"));
        assertThat(Checker.findings(unknown)).isEmpty();
    }

    @Test
    void withTheProcessorRunningEveryFindingComesOnce() {
        Compilation compilation = Checker.compile(List.of(LIB));

        assertThat(Checker.findings(compilation)).as(Checker.dump(compilation)).hasSize(1);
        assertThat(Checker.notes(compilation)).containsOnlyOnce("allocdiscipline: 1 finding (1 new)");
    }

    @Test
    void theProcessorTakesPluginArgumentsAndItsOwnOptionsWin() {
        Compilation pluginArgument = Checker.compile(List.of(LIB), "-Xplugin:AllocDiscipline severity=error");
        assertThat(pluginArgument.status()).as(Checker.dump(pluginArgument)).isEqualTo(Compilation.Status.FAILURE);
        assertThat(Checker.findings(pluginArgument)).hasSize(1);

        Compilation both = Checker.compile(List.of(LIB), "-Xplugin:AllocDiscipline severity=error",
                "-Aallocdiscipline.severity=warning");
        assertThat(both.status()).as(Checker.dump(both)).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(Checker.findings(both)).singleElement()
                .satisfies(d -> assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.MANDATORY_WARNING));
    }

    @Test
    void argumentsMayLeaveOutThePrefix() {
        List<String> problems = new ArrayList<>();
        assertThat(AllocDisciplinePlugin.parseArguments(
                new String[] {"severity=error", "allocdiscipline.sarif=a=b.sarif", "disable="}, problems))
                .containsExactly(java.util.Map.entry("allocdiscipline.severity", "error"),
                        java.util.Map.entry("allocdiscipline.sarif", "a=b.sarif"),
                        java.util.Map.entry("allocdiscipline.disable", ""));
        assertThat(problems).isEmpty();
        AllocDisciplinePlugin.parseArguments(new String[] {"=x", "timing"}, problems);
        assertThat(problems).hasSize(2);
    }

    @Test
    void disableAllTurnsItOffEvenWhereJavacStartsItByItself() {
        Compilation compilation = pluginOnly("-Xplugin:AllocDiscipline disable=all");

        assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(Checker.findings(compilation)).isEmpty();
        assertThat(Checker.notes(compilation)).noneMatch(n -> n.startsWith("allocdiscipline:"));
    }

    @Test
    void aFailureInsideTheCheckerIsANoteAndTheRestIsStillChecked() {
        List<String> all = new ArrayList<>(List.of("--release", "25", "-proc:none",
                "-Xplugin:AllocDiscipline internal.failOn=broken"));
        List<JavaFileObject> sources = Checker.resources("cases/robust/Failing.java");
        Compilation compilation = Compiler.javac().withClasspath(List.of(Checker.runtimeLocation())).withOptions(all)
                .compile(sources);

        assertThat(compilation.status()).as(Checker.dump(compilation)).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(Checker.notes(compilation)).filteredOn(n -> n.startsWith("[allocdiscipline] internal error"))
                .singleElement().satisfies(n -> assertThat(n)
                        .startsWith("[allocdiscipline] internal error while checking cases.robust.Failing.broken()"));
        assertThat(Checker.notes(compilation))
                .anyMatch(n -> n.startsWith("allocdiscipline: 4 findings (4 new); 1 internal error"));
    }
}
