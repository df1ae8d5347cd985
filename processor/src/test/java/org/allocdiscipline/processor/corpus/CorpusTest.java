package org.allocdiscipline.processor.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.allocdiscipline.processor.rules.DoubleFreeRule;
import org.allocdiscipline.processor.rules.OwnedNotFreedRule;
import org.allocdiscipline.processor.rules.UseAfterFreeRule;
import org.allocdiscipline.processor.rules.WrongAllocatorRule;
import org.allocdiscipline.processor.testing.Checker;
import org.allocdiscipline.processor.testing.Expectations;
import org.allocdiscipline.processor.testing.Expectations.Comparison;
import org.allocdiscipline.processor.testing.Expectations.Expected;
import org.allocdiscipline.processor.testing.TestFrameworkStubs;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The accuracy of the ownership rules, measured on the corpus under {@code src/test/resources/corpus}:
 * small sources, one construct each, compiled against the real runtime with the processor, with the
 * expected findings written inline ({@code // expect: [rule-id]}, perhaps with a message fragment, see
 * {@link Expectations}); a file without such comments must stay silent.
 *
 * <p>Each file is one dynamic test, named by its path under {@code corpus/}, that compiles the file
 * alone, so a case can be run by itself and fails by itself. A second test compiles the whole corpus at
 * once, as a build does, prints precision and recall per rule and overall, and fails below 100%.
 *
 * <p>Files under {@code corpus/unchecked/} are compiled with
 * {@code -Aallocdiscipline.uncheckedExceptions=true}; all others with the defaults. Files under
 * {@code corpus/tests-as-roots/} are compiled together with {@link TestFrameworkStubs}, stand-ins for
 * the annotations of JUnit, TestNG and jqwik (the whole corpus is, too).
 */
class CorpusTest {
    private static final String UNCHECKED_DIRECTORY = "unchecked";
    private static final String TEST_ROOTS_DIRECTORY = "tests-as-roots";
    private static final String UNCHECKED_OPTION = "-Aallocdiscipline.uncheckedExceptions=true";
    private static final List<String> OWNERSHIP_RULES = List.of(OwnedNotFreedRule.DESCRIPTOR.id(),
            DoubleFreeRule.DESCRIPTOR.id(), UseAfterFreeRule.DESCRIPTOR.id(), WrongAllocatorRule.DESCRIPTOR.id());

    @TestFactory
    Stream<DynamicTest> eachFileReportsWhatItExpectsAndNothingElse() {
        Path root = corpusRoot();
        return javaFiles(root).stream().map(file -> {
            Path relative = root.relativize(file);
            return DynamicTest.dynamicTest(relative.toString().replace('\\', '/'), file.toUri(), () -> {
                List<JavaFileObject> source = List.of(JavaFileObjects.forResource(toUrl(file)));
                List<String> problems = new ArrayList<>();
                Compilation compilation = compile(isTestRoots(relative) ? withStubs(source) : source, problems,
                        optionsFor(relative));
                assertThat(problems).as("notes about failures or gaps").isEmpty();
                Expectations.assertFindingsMatch(compilation, source);
            });
        });
    }

    @Test
    void wholeCorpusHasFullPrecisionAndRecall() {
        Path root = corpusRoot();
        List<JavaFileObject> plain = new ArrayList<>();
        List<JavaFileObject> unchecked = new ArrayList<>();
        for (Path file : javaFiles(root)) {
            JavaFileObject source = JavaFileObjects.forResource(toUrl(file));
            (isUnchecked(root.relativize(file)) ? unchecked : plain).add(source);
        }

        List<Comparison> comparisons = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        comparisons.add(Expectations.compare(compile(withStubs(plain), problems), plain));
        if (!unchecked.isEmpty()) {
            comparisons.add(Expectations.compare(compile(unchecked, problems, UNCHECKED_OPTION), unchecked));
        }
        List<JavaFileObject> all = new ArrayList<>(plain);
        all.addAll(unchecked);
        Score score = Score.of(comparisons, all);
        System.out.println(score.report());

        assertThat(all.size()).as("corpus size").isGreaterThanOrEqualTo(150);
        assertThat(problems).as("notes about failures or gaps").isEmpty();
        assertThat(score.missing()).as("expected findings that were not reported (false negatives)").isEmpty();
        assertThat(score.unexpected()).as("findings no // expect: comment asks for (false positives)").isEmpty();
        for (String rule : OWNERSHIP_RULES) {
            assertThat(score.expectedOf(rule)).as("cases that must report " + rule).isGreaterThanOrEqualTo(5);
        }
        assertThat(score.silentFiles()).as("files that must stay silent").isGreaterThanOrEqualTo(40);
    }

    private static boolean isUnchecked(Path relative) {
        return relative.getName(0).toString().equals(UNCHECKED_DIRECTORY);
    }

    private static boolean isTestRoots(Path relative) {
        return relative.getName(0).toString().equals(TEST_ROOTS_DIRECTORY);
    }

    /** The sources and the test frameworks' stub annotations, which report nothing themselves. */
    private static List<JavaFileObject> withStubs(List<JavaFileObject> sources) {
        List<JavaFileObject> all = new ArrayList<>(sources);
        all.addAll(TestFrameworkStubs.sources());
        return all;
    }

    private static String[] optionsFor(Path relative) {
        return isUnchecked(relative) ? new String[] {UNCHECKED_OPTION} : new String[0];
    }

    /** Compiles with the processor, asserts that the sources compile, and collects notes of internal trouble. */
    private static Compilation compile(List<JavaFileObject> sources, List<String> problems, String... options) {
        List<String> all = new ArrayList<>(List.of("-Xmaxwarns", "100000"));
        all.addAll(List.of(options));
        Compilation compilation = Checker.compile(sources, all.toArray(String[]::new));
        assertThat(compilation.status()).as("the corpus compiles\n%s", Checker.dump(compilation))
                .isEqualTo(Compilation.Status.SUCCESS);
        for (String note : Checker.notes(compilation)) {
            if (note.contains("internal error") || note.contains("gave up")) {
                problems.add(note);
            }
        }
        return compilation;
    }

    /** Precision and recall over the whole corpus, per rule and overall. */
    private record Score(List<Expected> matched, List<Expected> missing, List<Expected> unexpected, int files,
            int silentFiles) {
        static Score of(List<Comparison> comparisons, List<JavaFileObject> sources) {
            List<Expected> matched = new ArrayList<>();
            List<Expected> missing = new ArrayList<>();
            List<Expected> unexpected = new ArrayList<>();
            for (Comparison c : comparisons) {
                matched.addAll(c.matched());
                missing.addAll(c.missing());
                unexpected.addAll(c.unexpected());
            }
            Set<String> expecting = new TreeSet<>();
            Expectations.expected(sources).forEach(e -> expecting.add(e.file()));
            return new Score(matched, missing, unexpected, sources.size(), sources.size() - expecting.size());
        }

        long expectedOf(String rule) {
            return Stream.concat(matched.stream(), missing.stream()).filter(e -> e.ruleId().equals(rule)).count();
        }

        String report() {
            Map<String, long[]> perRule = new TreeMap<>();
            for (String rule : OWNERSHIP_RULES) {
                perRule.put(rule, new long[3]);
            }
            matched.forEach(e -> perRule.computeIfAbsent(e.ruleId(), r -> new long[3])[0]++);
            missing.forEach(e -> perRule.computeIfAbsent(e.ruleId(), r -> new long[3])[1]++);
            unexpected.forEach(e -> perRule.computeIfAbsent(e.ruleId(), r -> new long[3])[2]++);
            StringBuilder out = new StringBuilder();
            out.append(String.format("Corpus: %d files (%d must stay silent), %d expected findings%n", files,
                    silentFiles, matched.size() + missing.size()));
            out.append(String.format("%-20s %6s %6s %6s %10s %8s%n", "rule", "TP", "FN", "FP", "precision", "recall"));
            long[] total = new long[3];
            perRule.forEach((rule, n) -> {
                out.append(line(rule, n));
                for (int i = 0; i < 3; i++) {
                    total[i] += n[i];
                }
            });
            out.append(line("overall", total));
            missing.forEach(e -> out.append("  missing:    ").append(e).append('\n'));
            unexpected.forEach(e -> out.append("  unexpected: ").append(e).append('\n'));
            return out.toString();
        }

        private static String line(String rule, long[] n) {
            return String.format("%-20s %6d %6d %6d %9.1f%% %7.1f%%%n", rule, n[0], n[1], n[2],
                    percent(n[0], n[0] + n[2]), percent(n[0], n[0] + n[1]));
        }

        private static double percent(long part, long whole) {
            return whole == 0 ? 100.0 : 100.0 * part / whole;
        }
    }

    private static Path corpusRoot() {
        URL url = CorpusTest.class.getClassLoader().getResource("corpus");
        assertThat(url).as("the corpus directory on the test class path").isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL toUrl(Path file) {
        try {
            return file.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
