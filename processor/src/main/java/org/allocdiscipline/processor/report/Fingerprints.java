package org.allocdiscipline.processor.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Fingerprints that survive edits elsewhere in the file. Line numbers are deliberately left out:
 * adding an import or a method above a finding must not turn an accepted finding into a new one.
 * What identifies a finding is its rule, the element that holds it, the normalized text of the
 * flagged expression, and which of the identical expressions in that element it is.
 */
public final class Fingerprints {
    /** The key under which SARIF {@code partialFingerprints} carry the fingerprint. */
    public static final String SARIF_KEY = "allocdiscipline/v1";

    private Fingerprints() {
    }

    /** Made on the first fingerprint: a compilation without a baseline or SARIF report makes none. */
    private static final class Sha256 {
        static final MessageDigest PROTOTYPE = prototype();

        private static MessageDigest prototype() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }

    /**
     * The fingerprint of one finding.
     *
     * @param ruleId the rule id
     * @param enclosingElement signature of the method, field or initializer holding the finding
     * @param snippet the flagged expression's text without white space
     * @param occurrence 0-based index among identical (rule, element, snippet) findings
     * @return 32 lower-case hex digits
     */
    public static String of(String ruleId, String enclosingElement, String snippet, int occurrence) {
        String identity = ruleId + '\n' + enclosingElement + '\n' + snippet + '\n' + occurrence;
        byte[] digest = sha256().digest(identity.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /** A digest of its own for each call: cloning the prototype skips the provider look-up of getInstance. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) Sha256.PROTOTYPE.clone();
        } catch (CloneNotSupportedException notCloneable) {
            return Sha256.prototype();
        }
    }

    /**
     * Removes every white-space character, so that reformatting an expression keeps its fingerprint.
     *
     * @param sourceText the expression's source text
     * @return the text without white space
     */
    public static String normalize(String sourceText) {
        // A loop over code points, not a stream: this runs once per finding, in code the JIT has rarely compiled yet.
        StringBuilder out = new StringBuilder(sourceText.length());
        for (int i = 0; i < sourceText.length(); ) {
            int c = sourceText.codePointAt(i);
            if (!Character.isWhitespace(c)) {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /**
     * Numbers identical findings in source order: the n-th finding with the same rule, element and
     * snippet gets occurrence n.
     *
     * @param findings findings in any order
     * @return the same findings in {@link Finding#SOURCE_ORDER}, with occurrence indices assigned
     */
    public static List<Finding> assignOccurrences(List<Finding> findings) {
        return assignOccurrences(findings, f -> f, (f, numbered) -> numbered);
    }

    /**
     * Numbers identical findings in source order, for items that carry a finding.
     *
     * @param items items in any order
     * @param finding how to get an item's finding
     * @param replace how to make a copy of an item with a renumbered finding
     * @param <T> the item type
     * @return the items sorted by their findings' {@link Finding#SOURCE_ORDER}, renumbered
     */
    public static <T> List<T> assignOccurrences(List<T> items, Function<T, Finding> finding,
            BiFunction<T, Finding, T> replace) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(finding, Finding.SOURCE_ORDER));
        Map<String, Integer> seen = new HashMap<>();
        List<T> numbered = new ArrayList<>(sorted.size());
        for (T item : sorted) {
            Finding f = finding.apply(item);
            String key = f.ruleId() + '\n' + f.enclosingElement() + '\n' + f.snippet();
            int index = seen.merge(key, 1, Integer::sum) - 1;
            numbered.add(replace.apply(item, f.withOccurrence(index)));
        }
        return numbered;
    }
}
