package org.allocdiscipline.processor.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The findings a team has accepted for now, identified by fingerprint. Only findings that are not
 * in the baseline are new, and only new findings are reported as warnings or errors.
 *
 * <p>The file is plain text so that reviewers can read its diff: one finding per line, its
 * fingerprint first, then (for people) the rule, the element and the flagged expression,
 * separated by tabs. Lines starting with {@code #} and blank lines are ignored.
 */
public final class Baseline {
    private static final String HEADER = """
            # allocdiscipline baseline: findings accepted for now; only findings not listed here are new.
            # Regenerate with -Aallocdiscipline.baseline.write=true. Columns: fingerprint, rule, element, expression.
            """;

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = Set.copyOf(fingerprints);
    }

    /**
     * A baseline that accepts nothing.
     *
     * @return the empty baseline
     */
    public static Baseline empty() {
        return new Baseline(Set.of());
    }

    /**
     * A baseline that accepts exactly the given findings.
     *
     * @param findings the findings to accept
     * @return the baseline
     */
    public static Baseline of(List<Finding> findings) {
        Set<String> accepted = new TreeSet<>();
        findings.forEach(f -> accepted.add(f.fingerprint()));
        return new Baseline(accepted);
    }

    /**
     * Reads a baseline file.
     *
     * @param file the file
     * @return the baseline it holds
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if a line does not start with a fingerprint
     */
    public static Baseline read(Path file) throws IOException {
        Set<String> accepted = new TreeSet<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String fingerprint = line.split("\t", 2)[0].strip();
            if (!fingerprint.matches("[0-9a-f]{32}")) {
                throw new IllegalArgumentException(file + ":" + (i + 1)
                        + ": expected a 32-digit hex fingerprint at the start of the line, found '" + fingerprint + "'");
            }
            accepted.add(fingerprint);
        }
        return new Baseline(accepted);
    }

    /**
     * Whether the baseline accepts a finding.
     *
     * @param finding the finding
     * @return true if its fingerprint is listed
     */
    public boolean accepts(Finding finding) {
        // Most builds have no baseline: no fingerprint to hash then.
        return !fingerprints.isEmpty() && fingerprints.contains(finding.fingerprint());
    }

    /**
     * The accepted fingerprints.
     *
     * @return an unmodifiable set
     */
    public Set<String> fingerprints() {
        return fingerprints;
    }

    /**
     * The text of a baseline file that accepts the given findings, in a stable order.
     *
     * @param findings the findings to accept
     * @return the file's text
     */
    public static String render(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::ruleId)
                .thenComparing(Finding::enclosingElement)
                .thenComparing(Finding::snippet)
                .thenComparingInt(Finding::occurrence)
                .thenComparing(Finding::fingerprint));
        StringBuilder text = new StringBuilder(HEADER);
        String previous = null;
        for (Finding finding : sorted) {
            String fingerprint = finding.fingerprint();
            if (fingerprint.equals(previous)) {
                continue;
            }
            previous = fingerprint;
            text.append(fingerprint).append('\t').append(finding.ruleId()).append('\t')
                    .append(oneLine(finding.enclosingElement())).append('\t').append(oneLine(finding.snippet()))
                    .append('\n');
        }
        return text.toString();
    }

    /**
     * Writes a baseline file that accepts the given findings, creating parent directories.
     *
     * @param findings the findings to accept
     * @param file where to write
     * @throws IOException if the file cannot be written
     */
    public static void write(List<Finding> findings, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(findings), StandardCharsets.UTF_8);
    }

    private static String oneLine(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
