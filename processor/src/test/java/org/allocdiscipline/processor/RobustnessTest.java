package org.allocdiscipline.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.List;
import javax.tools.JavaFileObject;
import org.allocdiscipline.processor.testing.Checker;
import org.allocdiscipline.processor.testing.Expectations;
import org.junit.jupiter.api.Test;

/** The processor never aborts a compilation and never reports what it does not understand. */
class RobustnessTest {

    @Test
    void everyJdk25ConstructInANamedModuleCompilesWithoutFindingOrError() {
        List<JavaFileObject> sources = Checker.resources("cases/robust/module/module-info.java",
                "cases/robust/module/robust/Everything.java");
        Compilation compilation = Checker.compile(sources, "--module-path", Checker.runtimeLocation().getPath());

        assertThat(compilation.status()).as(Checker.dump(compilation)).isEqualTo(Compilation.Status.SUCCESS);
        Expectations.assertMatches(compilation, sources);
        assertThat(Checker.findings(compilation)).isEmpty();
        assertThat(Checker.notes(compilation)).contains("allocdiscipline: 0 findings (0 new)");
    }

    @Test
    void ownershipIsCheckedInANamedModuleThatReadsTheRuntimeFromTheModulePath() {
        List<JavaFileObject> sources = Checker.resources("cases/robust/modleak/module-info.java",
                "cases/robust/modleak/modleak/Leaks.java");
        // An empty class path: @Owned is only in a module on the module path.
        Compilation compilation = Compiler.javac()
                .withProcessors(new AllocatorDisciplineProcessor())
                .withClasspath(List.of())
                .withOptions("--release", "25", "--module-path", Checker.runtimeLocation().getPath())
                .compile(sources);

        assertThat(compilation.status()).as(Checker.dump(compilation)).isEqualTo(Compilation.Status.SUCCESS);
        Expectations.assertFindingsMatch(compilation, sources);
        assertThat(Checker.findings(compilation)).hasSize(1);
    }

    @Test
    void compactSourceFileMainIsAnEntryPoint() {
        List<JavaFileObject> sources = Checker.resources("cases/robust/compact/Compact.java");
        Compilation compilation = Checker.compile(sources);

        assertThat(compilation.status()).as(Checker.dump(compilation)).isEqualTo(Compilation.Status.SUCCESS);
        Expectations.assertMatches(compilation, sources);
    }

    @Test
    void compactSourceFileFieldGetsAHintWithoutConstructors() {
        List<JavaFileObject> sources = Checker.resources("cases/robust/compact-field/CompactWithField.java");
        Compilation compilation = Checker.compile(sources);

        assertThat(compilation.status()).as(Checker.dump(compilation)).isEqualTo(Compilation.Status.SUCCESS);
        Expectations.assertFindingsMatch(compilation, sources);
        assertThat(Checker.findings(compilation)).singleElement().asString().doesNotContain("constructors of");
    }

    @Test
    void injectedFailureBecomesOneNoteNamingTheMethodAndTheRestIsChecked() {
        List<JavaFileObject> sources = Checker.resources("cases/robust/Failing.java");
        Compilation compilation = Checker.compile(sources, "-Aallocdiscipline.internal.failOn=broken");

        assertThat(compilation.status()).as(Checker.dump(compilation)).isEqualTo(Compilation.Status.SUCCESS);
        List<String> internalErrors = Checker.notes(compilation).stream()
                .filter(n -> n.startsWith("[allocdiscipline] internal error")).toList();
        assertThat(internalErrors).hasSize(1);
        assertThat(internalErrors.get(0))
                .startsWith("[allocdiscipline] internal error while checking cases.robust.Failing.broken()")
                .contains("failure injected by -Aallocdiscipline.internal.failOn=broken");
        // Every other rule on every body, broken() included, still ran.
        Expectations.assertFindingsMatch(compilation, sources);
        assertThat(Checker.notes(compilation)).anyMatch(n -> n.startsWith("allocdiscipline: 4 findings (4 new); 1 internal error"));
    }
}
