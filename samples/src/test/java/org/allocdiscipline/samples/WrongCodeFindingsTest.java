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
 * findings marked {@code // expect: [rule-id] "message fragment"} in those sources, at those lines,
 * and that each finding's message says what its fragment says.
 */
class WrongCodeFindingsTest {
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*\\[([a-z-]+)]\\s*(?:\"([^\"]*)\")?");
    private static final Path WRONG_SOURCES = Path.of("src/wrong/java");
    private static final Path REPORT = Path.of("target/wrong-code.sarif");

    /** One {@code // expect:} comment: where, which rule, and the words its message must contain. */
    private record Expected(String file, int line, String ruleId, String fragment) {
        String place() {
            return file + ":" + line + " [" + ruleId + "]";
        }
    }

    @Test
    void everyRuleReportsExactlyTheMarkedLines() throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        for (Expected expectation : expectations()) {
            expected.add(expectation.place());
        }
        TreeSet<String> actual = new TreeSet<>();
        for (WrongCodeFindings.Finding finding : findings()) {
            actual.add(place(finding));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void eachFindingSaysWhatItsCommentExpects() throws IOException {
        List<WrongCodeFindings.Finding> findings = findings();
        for (Expected expectation : expectations()) {
            assertThat(expectation.fragment()).as("the message fragment of " + expectation.place()).isNotBlank();
            assertThat(findings).as(expectation.place())
                    .filteredOn(finding -> place(finding).equals(expectation.place()))
                    .singleElement()
                    .extracting(WrongCodeFindings.Finding::message).asString()
                    .contains(expectation.fragment());
        }
    }

    @Test
    void theWrongCodeShowsEveryRule() throws IOException {
        List<String> rules = new ArrayList<>();
        for (Expected expectation : expectations()) {
            rules.add(expectation.ruleId());
        }
        assertThat(rules).contains("hardcoded-allocator", "owned-not-freed", "double-free", "use-after-free",
                "wrong-allocator", "wrong-thread");
    }

    @Test
    void theWrongCodeShowsPlainFfmMistakes() throws IOException {
        assertThat(expectations()).extracting(Expected::place).contains(
                "ArenaLeakedOnEarlyReturn.java:13 [owned-not-freed]",
                "SegmentUsedAfterArenaClosed.java:17 [use-after-free]",
                "HiddenAutoArena.java:12 [hardcoded-allocator]",
                "ConfinedSegmentOnExecutor.java:17 [wrong-thread]");
    }

    private static List<WrongCodeFindings.Finding> findings() throws IOException {
        return WrongCodeFindings.read(REPORT);
    }

    private static String place(WrongCodeFindings.Finding finding) {
        return finding.file() + ":" + finding.line() + " [" + finding.ruleId() + "]";
    }

    private static List<Expected> expectations() throws IOException {
        List<Expected> expected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WRONG_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher matcher = EXPECT.matcher(lines.get(i));
                    while (matcher.find()) {
                        expected.add(new Expected(file.getFileName().toString(), i + 1, matcher.group(1),
                                matcher.group(2)));
                    }
                }
            }
        }
        return expected;
    }
}
