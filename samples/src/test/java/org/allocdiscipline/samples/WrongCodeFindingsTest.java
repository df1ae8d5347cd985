package org.allocdiscipline.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The samples build compiles {@code src/wrong/java} through the processor exactly as a user's
 * build does (annotationProcessorPaths only); this checks that its SARIF report holds exactly the
 * findings marked {@code // expect: [rule-id]} in those sources, at those lines.
 */
class WrongCodeFindingsTest {
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*\\[([a-z-]+)]");
    private static final Path WRONG_SOURCES = Path.of("src/wrong/java");
    private static final Path REPORT = Path.of("target/wrong-code.sarif");

    @Test
    void everyRuleReportsExactlyTheMarkedLines() throws IOException {
        TreeSet<String> expected = expectations();
        TreeSet<String> actual = new TreeSet<>();
        for (WrongCodeFindings.Finding finding : WrongCodeFindings.read(REPORT)) {
            actual.add(finding.file() + ":" + finding.line() + " [" + finding.ruleId() + "]");
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void theWrongCodeShowsEveryRule() throws IOException {
        List<String> rules = new ArrayList<>();
        for (String expectation : expectations()) {
            rules.add(expectation.substring(expectation.indexOf('[')));
        }
        assertThat(rules).contains("[hardcoded-allocator]", "[owned-not-freed]", "[double-free]",
                "[use-after-free]", "[wrong-allocator]");
    }

    private static TreeSet<String> expectations() throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WRONG_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher matcher = EXPECT.matcher(lines.get(i));
                    while (matcher.find()) {
                        expected.add(file.getFileName() + ":" + (i + 1) + " [" + matcher.group(1) + "]");
                    }
                }
            }
        }
        return expected;
    }
}
