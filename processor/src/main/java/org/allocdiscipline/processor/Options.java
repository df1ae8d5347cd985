package org.allocdiscipline.processor;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.allocdiscipline.processor.report.Severity;

/**
 * The processor's {@code -A} options, parsed and checked. A value the processor does not
 * understand is an error with a message that names the accepted values: a misspelt
 * {@code severity=eror} must not silently turn a review gate into warnings.
 *
 * @param severity how new findings are reported
 * @param sarif where to write the SARIF report, if anywhere
 * @param baseline the baseline file, if any
 * @param writeBaseline whether to write today's findings into the baseline file instead of reading it
 * @param uncheckedExceptions whether every call may also throw unchecked exceptions (for the flow rules)
 * @param disabledRules ids of the rules that do not run
 * @param failOn a test hook: a method name whose checking fails on purpose, to prove failures stay isolated
 * @param timing whether to print the processor's own CPU time and how much code it analysed, at the end
 */
public record Options(
        Severity severity,
        Optional<Path> sarif,
        Optional<Path> baseline,
        boolean writeBaseline,
        boolean uncheckedExceptions,
        Set<String> disabledRules,
        Optional<String> failOn,
        boolean timing) {

    /** Prefix of every option this processor reads. */
    public static final String PREFIX = "allocdiscipline.";
    /** {@code warning} (default) or {@code error}. */
    public static final String SEVERITY = PREFIX + "severity";
    /** Path of the SARIF 2.1.0 report to write. */
    public static final String SARIF = PREFIX + "sarif";
    /** Path of the baseline file. */
    public static final String BASELINE = PREFIX + "baseline";
    /** {@code true} writes the baseline from today's findings. */
    public static final String BASELINE_WRITE = PREFIX + "baseline.write";
    /** {@code true} lets every call throw unchecked exceptions in the flow rules. */
    public static final String UNCHECKED_EXCEPTIONS = PREFIX + "uncheckedExceptions";
    /** Comma-separated rule ids that do not run. */
    public static final String DISABLE = PREFIX + "disable";
    /** {@code true} prints the processor's own CPU time and the number of bodies and files it analysed. */
    public static final String TIMING = PREFIX + "timing";

    /** The value of {@link #DISABLE} that names every rule: the checker then does nothing at all. */
    public static final String ALL_RULES = "all";
    /** Hidden test hook: checking any method with this simple name throws, to test failure isolation. */
    public static final String FAIL_ON = PREFIX + "internal.failOn";

    /** Every option key, for {@code Processor.getSupportedOptions()}. */
    public static final Set<String> KEYS =
            Set.of(SEVERITY, SARIF, BASELINE, BASELINE_WRITE, UNCHECKED_EXCEPTIONS, DISABLE, FAIL_ON,
                    TIMING);

    /** The option keys a user may give (the test hook left out), for messages. */
    private static final Set<String> PUBLIC_KEYS =
            Set.of(SEVERITY, SARIF, BASELINE, BASELINE_WRITE, UNCHECKED_EXCEPTIONS, DISABLE, TIMING);
    /** How many edits a key may be away from ours to be taken for a misspelling of it. */
    private static final int MAX_EDITS = 2;

        /** Copies the rule set, so options do not change after parsing. */
    public Options {
        disabledRules = Set.copyOf(disabledRules);
    }

    /**
     * The options when none are given.
     *
     * @return warnings, no report files, nothing disabled, no timing note
     */
    public static Options defaults() {
        return new Options(Severity.WARNING, Optional.empty(), Optional.empty(), false, false, Set.of(),
                Optional.empty(), false);
    }

    /**
     * Whether a rule runs.
     *
     * @param ruleId the rule id
     * @return false if it was disabled
     */
    public boolean enabled(String ruleId) {
        return !disabledRules.contains(ruleId);
    }

    /**
     * Parses the processor options that javac received. Options of other processors are ignored;
     * options under {@value #PREFIX} that this processor does not know are errors.
     *
     * @param raw the {@code -A} options as {@code ProcessingEnvironment.getOptions()} gives them
     *     (a value is null for {@code -Akey} without {@code =})
     * @param knownRuleIds the rule ids that {@code disable} may name
     * @return the parsed options
     * @throws InvalidOptionsException listing every problem found, if any
     */
    public static Options parse(Map<String, String> raw, Collection<String> knownRuleIds) {
        Map<String, String> ours = new TreeMap<>();
        for (Map.Entry<String, String> option : raw.entrySet()) {
            if (option.getKey().startsWith(PREFIX)) {
                ours.put(option.getKey(), option.getValue());
            }
        }
        List<String> problems = new ArrayList<>();
        for (String key : ours.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add("unknown option -A" + key + "; did you mean -A" + closest(key) + "? The options are "
                        + new TreeSet<>(PUBLIC_KEYS));
            }
        }
        Severity severity = parseSeverity(ours, problems);
        Optional<Path> sarif = parsePath(ours, SARIF, problems);
        Optional<Path> baseline = parsePath(ours, BASELINE, problems);
        boolean writeBaseline = parseBoolean(ours, BASELINE_WRITE, problems);
        if (writeBaseline && baseline.isEmpty() && ours.containsKey(BASELINE_WRITE)) {
            problems.add("-A" + BASELINE_WRITE + "=true needs -A" + BASELINE + "=<path> to know where to write");
        }
        boolean unchecked = parseBoolean(ours, UNCHECKED_EXCEPTIONS, problems);
        Set<String> disabled = parseDisabled(ours, knownRuleIds, problems);
        String failOnName = ours.get(FAIL_ON);
        Optional<String> failOn = failOnName == null || failOnName.isBlank() ? Optional.empty() : Optional.of(failOnName);
        boolean timing = parseBoolean(ours, TIMING, problems);
        if (!problems.isEmpty()) {
            throw new InvalidOptionsException(problems, sarif);
        }
        return new Options(severity, sarif, baseline, writeBaseline, unchecked, disabled, failOn, timing);
    }

    /**
     * Warnings for {@code -A} keys that look like a misspelling of this checker's options (the prefix
     * {@value #PREFIX} or a whole key a few edits away), which javac would pass to no one: without the
     * warning, a misspelt {@code -Aallocdiscpline.severity=error} quietly turns the gate into warnings.
     *
     * @param keys every {@code -A} key javac received
     * @return one message per suspicious key, naming it and the closest valid option, in key order
     */
    public static List<String> misspellings(Collection<String> keys) {
        String prefix = PREFIX.substring(0, PREFIX.length() - 1);
        List<String> warnings = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            if (key.startsWith(PREFIX)) {
                continue;
            }
            int dot = key.indexOf('.');
            String head = dot < 0 ? key : key.substring(0, dot);
            boolean nearPrefix = dot > 0 && edits(head.toLowerCase(Locale.ROOT), prefix) <= MAX_EDITS;
            String closest = closest(nearPrefix ? PREFIX + key.substring(dot + 1) : key);
            if (nearPrefix || edits(key, closest) <= MAX_EDITS) {
                warnings.add("the option -A" + key + " is not an allocdiscipline option and javac gives it to no one,"
                        + " so it has no effect; did you mean -A" + closest + "?");
            }
        }
        return warnings;
    }

    /** The valid key nearest to this one. */
    private static String closest(String key) {
        String best = SEVERITY;
        int bestEdits = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(PUBLIC_KEYS)) {
            int edits = edits(key, candidate);
            if (edits < bestEdits) {
                best = candidate;
                bestEdits = edits;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Severity parseSeverity(Map<String, String> options, List<String> problems) {
        if (!options.containsKey(SEVERITY)) {
            return Severity.WARNING;
        }
        String value = String.valueOf(options.get(SEVERITY)).strip();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "warning" -> Severity.WARNING;
            case "error" -> Severity.ERROR;
            default -> {
                problems.add("-A" + SEVERITY + "=" + value + " is not a severity; use warning or error");
                yield Severity.WARNING;
            }
        };
    }

    private static Optional<Path> parsePath(Map<String, String> options, String key, List<String> problems) {
        if (!options.containsKey(key)) {
            return Optional.empty();
        }
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            problems.add("-A" + key + " needs a file path: -A" + key + "=<path>");
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value.strip()));
        } catch (InvalidPathException e) {
            problems.add("-A" + key + "=" + value + " is not a valid path: " + e.getReason());
            return Optional.empty();
        }
    }

    private static boolean parseBoolean(Map<String, String> options, String key, List<String> problems) {
        if (!options.containsKey(key)) {
            return false;
        }
        String value = options.get(key);
        // -Akey alone, like javac's own flags, means "on".
        if (value == null) {
            return true;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add("-A" + key + "=" + value + " is not a boolean; use true or false");
                yield false;
            }
        };
    }

    private static Set<String> parseDisabled(Map<String, String> options, Collection<String> known,
            List<String> problems) {
        String value = options.get(DISABLE);
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> disabled = new TreeSet<>();
        for (String part : value.split(",")) {
            String id = part.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (id.equals(ALL_RULES)) {
                // The way to turn the checker off where javac starts it by itself (the plugin under -proc:none).
                disabled.addAll(known);
            } else if (known.contains(id)) {
                disabled.add(id);
            } else {
                problems.add("-A" + DISABLE + " names unknown rule '" + id + "'; the rules are " + new TreeSet<>(known)
                        + " (or all)");
            }
        }
        return disabled;
    }

    /** The options javac received could not be understood; the message lists every problem. */
    public static final class InvalidOptionsException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** One message per bad option. */
        private final List<String> problems;
        /** The SARIF path, if that option itself was fine: a log there must say the run failed. */
        private final transient Optional<Path> sarif;

        /**
         * Creates the exception.
         *
         * @param problems one message per bad option
         */
        public InvalidOptionsException(List<String> problems) {
            this(problems, Optional.empty());
        }

        /**
         * Creates the exception.
         *
         * @param problems one message per bad option
         * @param sarif the SARIF path, if that option was given and valid
         */
        public InvalidOptionsException(List<String> problems, Optional<Path> sarif) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
            this.sarif = sarif;
        }

        /**
         * Where the SARIF log goes, if that option itself was fine.
         *
         * @return the path, or empty
         */
        public Optional<Path> sarif() {
            return sarif == null ? Optional.empty() : sarif;
        }

        /**
         * The problems, one per bad option.
         *
         * @return an unmodifiable list
         */
        public List<String> problems() {
            return problems;
        }
    }
}
