package org.allocdiscipline.processor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Expected findings written into test sources as comments on the line where they must appear:
 * {@code // expect: [hardcoded-allocator]}, several brackets for several findings on a line,
 * {@code [rule-id]:27} to pin javac's column too, and {@code [rule-id] "is discarded"} (column or not)
 * to pin a fragment of the message as well. A file without such comments must produce no finding at all.
 */
public final class Expectations {
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:(.*)$");
    private static final Pattern ITEM = Pattern.compile("\\[([a-z-]+)\\](?::(\\d+))?(?:\\s*\"([^\"]*)\")?");
    private static final Pattern FINDING = Pattern.compile("(?s)\\[([a-z-]+)\\] .*");

    private Expectations() {
    }

    /**
     * One expected or actual finding. Column 0 means "any column"; an empty text means "any message".
     *
     * @param file the source's name
     * @param line the line
     * @param column the column, or 0 for any
     * @param ruleId the rule id
     * @param text for an expectation, the fragment its message must contain; for a reported finding, its
     *     whole message
     */
    public record Expected(String file, long line, long column, String ruleId, String text)
            implements Comparable<Expected> {
        @Override
        public int compareTo(Expected o) {
            int c = file.compareTo(o.file);
            if (c == 0) {
                c = Long.compare(line, o.line);
            }
            if (c == 0) {
                c = ruleId.compareTo(o.ruleId);
            }
            if (c == 0) {
                c = Long.compare(column, o.column);
            }
            return c != 0 ? c : text.compareTo(o.text);
        }

        /**
         * Whether a reported finding is this expectation: same file, line and rule, the column if it gives
         * one, and a message that contains its fragment.
         *
         * @param actual a reported finding
         * @return whether it matches
         */
        boolean isMetBy(Expected actual) {
            return file.equals(actual.file) && line == actual.line && ruleId.equals(actual.ruleId)
                    && (column == 0 || column == actual.column) && actual.text.contains(text);
        }

        @Override
        public String toString() {
            return shortName(file) + ":" + line + (column == 0 ? "" : ":" + column) + " [" + ruleId + "]"
                    + (text.isEmpty() ? "" : " \"" + text + "\"");
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
                    String fragment = item.group(3) == null ? "" : item.group(3);
                    expected.add(new Expected(source.getName(), i + 1, column, item.group(1), fragment));
                }
            }
        }
        Collections.sort(expected);
        return expected;
    }

    /**
     * Asserts that the compilation reported exactly the findings the sources expect: the same rule on
     * the same line (and column and message fragment, where the comment gives them), no more and no
     * fewer, and that the
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
            String message = d.getMessage(Locale.ROOT);
            Matcher m = FINDING.matcher(message);
            if (!m.matches()) {
                continue;
            }
            Expected actual = new Expected(d.getSource().getName(), d.getLineNumber(), d.getColumnNumber(),
                    m.group(1), message);
            // The most specific expectation first, so that a bare one does not take a finding a pinned one needs.
            Expected match = missing.stream().filter(e -> e.isMetBy(actual))
                    .max(Comparator.comparingInt(e -> e.text().length())).orElse(null);
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
