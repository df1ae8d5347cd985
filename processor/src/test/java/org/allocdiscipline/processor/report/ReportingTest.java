package org.allocdiscipline.processor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.allocdiscipline.processor.testing.Checker;
import org.allocdiscipline.processor.testing.SarifSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reporting shared by every rule, end to end through javac. */
class ReportingTest {
    private static final ClassName ALLOCATOR = ClassName.get("org.allocdiscipline", "Allocator");
    private static final ClassName PAGE_ALLOCATOR = ClassName.get("org.allocdiscipline", "PageAllocator");
    private static final List<JavaFileObject> REPORTED = Checker.resources("cases/hardcoded/Reported.java");

    @TempDir
    Path dir;

    /** A library class with one method per name, each naming the global page allocator. */
    private static JavaFileObject library(String className, int blankLinesAbove, String... methods) {
        TypeSpec.Builder type = TypeSpec.classBuilder(className).addModifiers(Modifier.PUBLIC);
        for (String method : methods) {
            type.addMethod(MethodSpec.methodBuilder(method)
                    .returns(ALLOCATOR)
                    .addStatement("return $T.INSTANCE", PAGE_ALLOCATOR)
                    .build());
        }
        String source = JavaFile.builder("gen", type.build()).build().toString();
        // Unrelated lines above every finding: they must not change any fingerprint.
        source = source.replaceFirst("package gen;", "package gen;" + "\n// unrelated line".repeat(blankLinesAbove));
        return JavaFileObjects.forSourceString("gen." + className, source);
    }

    private static int count(List<String> notes, String pattern) {
        for (String note : notes) {
            Matcher m = Pattern.compile(pattern).matcher(note);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("no note matches " + pattern + " in " + notes);
    }

    @Test
    void findingsAreMandatoryWarningsThatSurviveNowarn() {
        Compilation normal = Checker.compile(REPORTED);
        Compilation quiet = Checker.compile(REPORTED, "-nowarn");

        assertThat(Checker.findings(normal)).isNotEmpty()
                .allMatch(d -> d.getKind() == Diagnostic.Kind.MANDATORY_WARNING);
        assertThat(Checker.findings(quiet)).hasSameSizeAs(Checker.findings(normal));
    }

    @Test
    void summaryGivesTheTrueCountPastTheWarningCap() {
        JavaFileObject many = library("Many", 0, "a", "b", "c", "d", "e");
        Path sarif = dir.resolve("many.sarif");

        Compilation capped = Checker.compile(List.of(many), "-Xmaxwarns", "2",
                "-Aallocdiscipline.sarif=" + sarif);

        assertThat(Checker.findings(capped)).hasSizeLessThanOrEqualTo(2);
        assertThat(count(Checker.notes(capped), "allocdiscipline: (\\d+) findings")).isEqualTo(5);
        assertThat(count(Checker.notes(capped), "\\((\\d+) new")).isEqualTo(5);
        assertThat(sarifText(sarif).split("\"ruleId\"", -1)).hasSize(6);
    }

    @Test
    void severityErrorFailsTheCompilation() {
        Compilation compilation = Checker.compile(REPORTED, "-Aallocdiscipline.severity=error");

        assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
        assertThat(Checker.findings(compilation)).isNotEmpty().allMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }

    @Test
    void badOptionValueIsAClearError() {
        Compilation compilation = Checker.compile(REPORTED, "-Aallocdiscipline.severity=eror");

        assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
        assertThat(compilation.errors()).extracting(d -> d.getMessage(Locale.ROOT))
                .containsExactly("allocdiscipline: -Aallocdiscipline.severity=eror is not a severity; use warning or error");
    }

    @Test
    void sarifValidatesAndIsByteIdenticalAcrossRuns() throws IOException {
        Path sarif = dir.resolve("sub/report.sarif");

        Compilation a = Checker.compile(REPORTED, "-Aallocdiscipline.sarif=" + sarif);
        byte[] bytes = Files.readAllBytes(sarif);
        Files.delete(sarif);
        Compilation b = Checker.compile(REPORTED, "-Aallocdiscipline.sarif=" + sarif);

        assertThat(SarifSchema.errors(bytes)).isEmpty();
        assertThat(Files.readAllBytes(sarif)).isEqualTo(bytes);
        assertThat(Checker.dump(b)).isEqualTo(Checker.dump(a));
        int results = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\"ruleId\"", -1).length - 1;
        assertThat(results).isEqualTo(Checker.findings(a).size());
    }

    @Test
    void fingerprintsIgnoreUnrelatedLinesAbove() throws IOException {
        Path before = dir.resolve("before.sarif");
        Path after = dir.resolve("after.sarif");

        Checker.compile(List.of(library("Lib", 0, "make", "other")), "-Aallocdiscipline.sarif=" + before);
        Checker.compile(List.of(library("Lib", 7, "make", "other")), "-Aallocdiscipline.sarif=" + after);

        assertThat(fingerprints(after)).hasSize(2).isEqualTo(fingerprints(before));
        assertThat(startLines(after)).isNotEqualTo(startLines(before));
    }

    @Test
    void baselineAcceptsOldFindingsAndFailsOnANewOne() throws IOException {
        Path baseline = dir.resolve("allocdiscipline-baseline.txt");

        Compilation written = Checker.compile(List.of(library("Lib", 0, "make", "other")),
                "-Aallocdiscipline.baseline=" + baseline, "-Aallocdiscipline.baseline.write=true",
                "-Aallocdiscipline.severity=error");
        assertThat(written.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(Files.readAllLines(baseline)).filteredOn(l -> !l.startsWith("#")).hasSize(2);

        Compilation same = Checker.compile(List.of(library("Lib", 3, "make", "other")),
                "-Aallocdiscipline.baseline=" + baseline, "-Aallocdiscipline.severity=error");
        assertThat(same.status()).as(Checker.dump(same)).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(Checker.findings(same)).isEmpty();
        assertThat(Checker.notes(same)).contains("allocdiscipline: 2 findings (0 new, 2 accepted by the baseline)");

        Compilation grown = Checker.compile(List.of(library("Lib", 3, "make", "other", "added")),
                "-Aallocdiscipline.baseline=" + baseline, "-Aallocdiscipline.severity=error");
        assertThat(grown.status()).isEqualTo(Compilation.Status.FAILURE);
        assertThat(Checker.findings(grown)).hasSize(1).first()
                .satisfies(d -> assertThat(d.getMessage(Locale.ROOT)).contains("gen.Lib.added()"));
    }

    @Test
    void missingBaselineIsAClearError() {
        Compilation compilation = Checker.compile(REPORTED, "-Aallocdiscipline.baseline=" + dir.resolve("none.txt"));

        assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
        assertThat(compilation.errors()).extracting(d -> d.getMessage(Locale.ROOT))
                .anyMatch(m -> m.contains("none.txt does not exist")
                        && m.contains("-Aallocdiscipline.baseline.write=true"));
    }

    @Test
    void aMissingBaselineMakesTheSarifLogSayTheRunFailed() throws IOException {
        Path sarif = dir.resolve("report.sarif");

        Compilation compilation = Checker.compile(REPORTED, "-Aallocdiscipline.baseline=" + dir.resolve("none.txt"),
                "-Aallocdiscipline.sarif=" + sarif);

        assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
        byte[] bytes = Files.readAllBytes(sarif);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(SarifSchema.errors(bytes)).isEmpty();
        assertThat(text).contains("\"executionSuccessful\" : false")
                .doesNotContain("\"executionSuccessful\" : true")
                .containsPattern("\"level\" : \"error\",\\s*\"message\" : \\{\\s*\"text\" : \"the baseline file [^\"]*none.txt does not exist");
        // The findings it did make, if any (javac stops before analysis after an error this early), are kept.
        assertThat(fingerprints(sarif)).hasSize(Checker.findings(compilation).size());
    }

    @Test
    void aWrongOptionMakesTheSarifLogSayTheRunFailed() throws IOException {
        Path sarif = dir.resolve("report.sarif");
        Files.writeString(sarif, "stale");

        Compilation compilation = Checker.compile(REPORTED, "-Aallocdiscipline.severity=eror",
                "-Aallocdiscipline.sarif=" + sarif);

        assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
        byte[] bytes = Files.readAllBytes(sarif);
        assertThat(SarifSchema.errors(bytes)).isEmpty();
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"executionSuccessful\" : false")
                .contains("-Aallocdiscipline.severity=eror is not a severity");
    }

    @Test
    void theSarifSnippetIsTheSourceTextAsWritten() throws IOException {
        Path sarif = dir.resolve("report.sarif");
        JavaFileObject spaced = JavaFileObjects.forSourceString("gen.Spaced", """
                package gen;

                import org.allocdiscipline.Allocator;
                import org.allocdiscipline.PageAllocator;

                public class Spaced {
                    public Allocator make() {
                        return PageAllocator
                                .INSTANCE;
                    }
                }
                """);

        Checker.compile(List.of(spaced), "-Aallocdiscipline.sarif=" + sarif);

        assertThat(Pattern.compile("\"snippet\" : \\{\\s*\"text\" : \"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(sarifText(sarif)).results().map(r -> r.group(1)).toList())
                .containsExactly("PageAllocator\\n                .INSTANCE");
    }

    @Test
    void aMisspeltPrefixIsALoudWarningNamingTheOptionMeant() {
        Compilation compilation = Checker.compile(REPORTED, "-Aallocdiscpline.severity=error");

        assertThat(compilation.diagnostics()).filteredOn(d -> d.getKind() == Diagnostic.Kind.MANDATORY_WARNING
                        || d.getKind() == Diagnostic.Kind.WARNING)
                .extracting(d -> d.getMessage(Locale.ROOT))
                .anyMatch(m -> m.startsWith("allocdiscipline: the option -Aallocdiscpline.severity is not")
                        && m.endsWith("did you mean -Aallocdiscipline.severity?"));
    }

    private static String sarifText(Path sarif) {
        try {
            return Files.readString(sarif);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> fingerprints(Path sarif) {
        return Pattern.compile("\"allocdiscipline/v1\" : \"([0-9a-f]+)\"").matcher(sarifText(sarif)).results()
                .map(r -> r.group(1)).toList();
    }

    private static List<String> startLines(Path sarif) {
        return Pattern.compile("\"startLine\" : (\\d+)").matcher(sarifText(sarif)).results()
                .map(r -> r.group(1)).toList();
    }
}
