package org.allocdiscipline.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.allocdiscipline.processor.testing.Checker;
import org.allocdiscipline.processor.testing.Expectations;
import org.junit.jupiter.api.Test;

class HardcodedAllocatorRuleTest {

    @Test
    void reportsEveryUseInLibraryCode() {
        List<JavaFileObject> sources = Checker.resources("cases/hardcoded/Reported.java");
        Compilation compilation = Checker.compile(sources);
        assertThat(compilation.status()).as(Checker.dump(compilation)).isEqualTo(Compilation.Status.SUCCESS);
        Expectations.assertMatches(compilation, sources);
    }

    @Test
    void exemptsEntryPointsComposersAndSuppressions() {
        List<JavaFileObject> sources = Checker.resources("cases/hardcoded/Exempt.java",
                "cases/hardcoded/InstanceMain.java", "cases/hardcoded/OnlyStaticImport.java");
        Compilation compilation = Checker.compile(sources);
        assertThat(compilation.status()).as(Checker.dump(compilation)).isEqualTo(Compilation.Status.SUCCESS);
        Expectations.assertMatches(compilation, sources);
        assertThat(Checker.findings(compilation)).isEmpty();
    }

    @Test
    void messageNamesTheMethodAndTheParameterToTake() {
        Compilation compilation = Checker.compile(Checker.resources("cases/hardcoded/Reported.java"));

        assertThat(messageOnLine(compilation, 40)).isEqualTo("[hardcoded-allocator] cases.hardcoded.Reported"
                + ".inMethodBody() names the global PageAllocator.INSTANCE instead of taking an allocator from its"
                + " caller. Fix: Add a parameter `Allocator allocator` to cases.hardcoded.Reported.inMethodBody() and"
                + " use it.");
        assertThat(messageOnLine(compilation, 53)).contains("as argument `child` of ArenaAllocator(Allocator)")
                .contains("Fix: Add a parameter `Allocator allocator` to cases.hardcoded.Reported"
                        + ".constructorArgument() and use it there.");
        assertThat(messageOnLine(compilation, 45)).contains("Fix: Remove this convenience overload");
        assertThat(messageOnLine(compilation, 113)).contains("Fix: Use its parameter `allocator` instead.");
        assertThat(messageOnLine(compilation, 15)).startsWith("[hardcoded-allocator] Field cases.hardcoded.Reported"
                + ".instanceField is initialised with the global PageAllocator.INSTANCE.")
                .contains("Take an `Allocator allocator` parameter in the constructors of Reported");
        assertThat(messageOnLine(compilation, 73)).startsWith("[hardcoded-allocator] A lambda in cases.hardcoded"
                + ".Reported.inLambda()");
    }

    @Test
    void disabledRuleReportsNothing() {
        Compilation compilation = Checker.compile(Checker.resources("cases/hardcoded/Reported.java"),
                "-Aallocdiscipline.disable=hardcoded-allocator");
        assertThat(Checker.findings(compilation))
                .noneMatch(d -> d.getMessage(Locale.ROOT).startsWith("[hardcoded-allocator]"));
        assertThat(Checker.findings(compilation))
                .allMatch(d -> d.getMessage(Locale.ROOT).startsWith("[owned-not-freed]"));
    }

    private static String messageOnLine(Compilation compilation, long line) {
        List<Diagnostic<? extends JavaFileObject>> onLine = Checker.findings(compilation).stream()
                .filter(d -> d.getLineNumber() == line)
                .filter(d -> d.getMessage(Locale.ROOT).startsWith("[hardcoded-allocator]")).toList();
        assertThat(onLine).as("findings on line %d\n%s", line, Checker.dump(compilation)).hasSize(1);
        return onLine.get(0).getMessage(Locale.ROOT);
    }
}
