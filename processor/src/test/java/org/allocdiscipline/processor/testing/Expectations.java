package org.allocdiscipline.processor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Expected findings written into test sources as comments on the line where they must appear:
 * {@code // expect: [hardcoded-allocator]}, several brackets for several findings on a line, and
 * {@code [rule-id]:27} to pin javac's column too. A file without such comments must produce no
 * finding at all.
 */
public final class Expectations {
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:(.*)$");
    private static final Pattern ITEM = Pattern.compile("\\[([a-z-]+)\\](?::(\\d+))?");
    private static final Pattern FINDING = Pattern.compile("(?s)\\[([a-z-]+)\\] .*");

    private Expectations() {
    }

    /**
     * One expected or actual finding. Column 0 means "any column".
     *
     * @param file the source's name
     * @param line the line
     * @param column the column, or 0 for any
     * @param ruleId the rule id
     */
    public record Expected(String file, long line, long column, String ruleId) implements Comparable<Expected> {
        @Override
        public int compareTo(Expected o) {
            int c = file.compareTo(o.file);
            if (c == 0) {
                c = Long.compare(line, o.line);
            }
            if (c == 0) {
                c = ruleId.compareTo(o.ruleId);
            }
            return c != 0 ? c : Long.compare(column, o.column);
        }

        @Override
        public String toString() {
            return shortName(file) + ":" + line + (column == 0 ? "" : ":" + column) + " [" + ruleId + "]";
        }
    }

    /**
     * The expectations written in the sources.
     *
     * @param sources the sources
     * @return one entry per expected finding
     */
    public static List<Expected> expected(List<JavaFileObject> sources) {
        List<Expected> expected = new ArrayList<>();
        for (JavaFileObject source : sources) {
            String[] lines;
            try {
                lines = source.getCharContent(true).toString().split("\n", -1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.length; i++) {
                Matcher comment = EXPECT.matcher(lines[i]);
                if (!comment.find()) {
                    continue;
                }
                Matcher item = ITEM.matcher(comment.group(1));
                while (item.find()) {
                    long column = item.group(2) == null ? 0 : Long.parseLong(item.group(2));
                    expected.add(new Expected(source.getName(), i + 1, column, item.group(1)));
                }
            }
        }
        Collections.sort(expected);
        return expected;
    }

    /**
     * Asserts that the compilation reported exactly the findings the sources expect: the same rule on
     * the same line (and column, where the comment gives one), no more and no fewer, and that the
     * checker had no internal error.
     *
     * @param compilation the compilation
     * @param sources the sources it compiled
     */
    public static void assertMatches(Compilation compilation, List<JavaFileObject> sources) {
        assertThat(Checker.notes(compilation))
                .as("internal errors\n%s", Checker.dump(compilation))
                .noneMatch(n -> n.contains("internal error"));
        assertFindingsMatch(compilation, sources);
    }

    /**
     * Asserts that the compilation reported exactly the findings the sources expect, whatever notes
     * it printed besides.
     *
     * @param compilation the compilation
     * @param sources the sources it compiled
     */
    public static void assertFindingsMatch(Compilation compilation, List<JavaFileObject> sources) {
        Comparison comparison = compare(compilation, sources);
        assertThat(comparison.missing()).as("expected findings that were not reported\n%s", Checker.dump(compilation))
                .isEmpty();
        assertThat(comparison.unexpected())
                .as("findings that no // expect: comment asks for\n%s", Checker.dump(compilation)).isEmpty();
    }

    /**
     * The expected findings set against the reported ones.
     *
     * @param matched expected and reported
     * @param missing expected, not reported (false negatives)
     * @param unexpected reported, not expected (false positives)
     */
    public record Comparison(List<Expected> matched, List<Expected> missing, List<Expected> unexpected) {
    }

    /**
     * Sets the findings a compilation reported against those its sources expect.
     *
     * @param compilation the compilation
     * @param sources the sources it compiled
     * @return what matched, what is missing and what was not expected
     */
    public static Comparison compare(Compilation compilation, List<JavaFileObject> sources) {
        List<Expected> expected = expected(sources);
        List<Expected> missing = new ArrayList<>(expected);
        List<Expected> unexpected = new ArrayList<>();
        List<Expected> matched = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : Checker.findings(compilation)) {
            Matcher m = FINDING.matcher(d.getMessage(Locale.ROOT));
            if (!m.matches()) {
                continue;
            }
            String file = d.getSource().getName();
            Expected actual = new Expected(file, d.getLineNumber(), d.getColumnNumber(), m.group(1));
            Expected match = missing.stream()
                    .filter(e -> e.file().equals(file) && e.line() == actual.line() && e.ruleId().equals(actual.ruleId())
                            && (e.column() == 0 || e.column() == actual.column()))
                    .findFirst().orElse(null);
            if (match == null) {
                unexpected.add(actual);
            } else {
                missing.remove(match);
                matched.add(match);
            }
        }
        return new Comparison(matched, missing, unexpected);
    }

    private static String shortName(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
