package org.allocdiscipline.processor.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing a rule found, with everything needed to report it without javac: the diagnostic text,
 * the place in the file, and the stable parts from which its fingerprint is made.
 *
 * @param ruleId the rule's id, such as {@code hardcoded-allocator}
 * @param message what is wrong, in one sentence
 * @param fixHint how to fix it, in one short sentence
 * @param file the source file's URI as the compiler names it
 * @param line 1-based line of the flagged expression's start
 * @param column 1-based column of the flagged expression's start
 * @param startPosition 0-based character offset of the flagged expression's start
 * @param endPosition 0-based character offset just past the flagged expression
 * @param enclosingElement signature of the method, field or initializer that holds the expression,
 *     for example {@code com.example.Lib.make(long)}
 * @param snippet the flagged expression's source text with all white space removed, for the fingerprint
 * @param occurrence 0-based index among findings with the same rule, element and snippet, in
 *     source order; it tells apart two identical expressions in one method
 * @param sourceText the flagged expression's exact source text, as the SARIF snippet shows it
 */
public record Finding(
        String ruleId,
        String message,
        String fixHint,
        String file,
        long line,
        long column,
        long startPosition,
        long endPosition,
        String enclosingElement,
        String snippet,
        int occurrence,
        String sourceText) {

    /** Source order: by file, then position, then rule id and message, so any input order sorts alike. */
    public static final Comparator<Finding> SOURCE_ORDER = new SourceOrder();

    /**
     * The comparisons of {@link #SOURCE_ORDER}, written out: a chain of {@code Comparator.comparing} with method
     * references is seven classes that every fresh javac process would spin at run time.
     */
    private static final class SourceOrder implements Comparator<Finding> {
        @Override
        public int compare(Finding a, Finding b) {
            int order = a.file().compareTo(b.file());
            if (order == 0) {
                order = Long.compare(a.startPosition(), b.startPosition());
            }
            if (order == 0) {
                order = Long.compare(a.endPosition(), b.endPosition());
            }
            if (order == 0) {
                order = a.ruleId().compareTo(b.ruleId());
            }
            if (order == 0) {
                order = a.message().compareTo(b.message());
            }
            if (order == 0) {
                order = a.enclosingElement().compareTo(b.enclosingElement());
            }
            return order != 0 ? order : Integer.compare(a.occurrence(), b.occurrence());
        }
    }

    /**
     * Checks the parts that every finding must have.
     *
     * @throws NullPointerException if a text part is null
     * @throws IllegalArgumentException if a position is negative or the occurrence is negative
     */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fixHint, "fixHint");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(enclosingElement, "enclosingElement");
        Objects.requireNonNull(snippet, "snippet");
        Objects.requireNonNull(sourceText, "sourceText");
        if (line < 1 || column < 1 || startPosition < 0 || endPosition < startPosition || occurrence < 0) {
            throw new IllegalArgumentException("bad position in finding " + ruleId + " at " + file + ":" + line
                    + ":" + column + " [" + startPosition + "," + endPosition + ") #" + occurrence);
        }
    }

    /**
     * A finding whose source text is its snippet (for tests and tools that have no source).
     *
     * @param ruleId the rule's id
     * @param message what is wrong
     * @param fixHint how to fix it
     * @param file the source file's URI
     * @param line 1-based line
     * @param column 1-based column
     * @param startPosition 0-based start offset
     * @param endPosition 0-based end offset
     * @param enclosingElement signature of the enclosing element
     * @param snippet the expression's text without white space
     * @param occurrence 0-based occurrence index
     */
    public Finding(String ruleId, String message, String fixHint, String file, long line, long column,
            long startPosition, long endPosition, String enclosingElement, String snippet, int occurrence) {
        this(ruleId, message, fixHint, file, line, column, startPosition, endPosition, enclosingElement, snippet,
                occurrence, snippet);
    }

    /**
     * The text javac prints: {@code [rule-id] message Fix: hint}.
     *
     * @return the diagnostic text
     */
    public String diagnosticText() {
        return "[" + ruleId + "] " + message + " Fix: " + fixHint;
    }

    /**
     * The stable identity of this finding; see {@link Fingerprints}.
     *
     * @return a hex digest that does not depend on line numbers
     */
    public String fingerprint() {
        return Fingerprints.of(ruleId, enclosingElement, snippet, occurrence);
    }

    /**
     * A copy with another occurrence index.
     *
     * @param newOccurrence the 0-based occurrence index
     * @return the copy
     */
    public Finding withOccurrence(int newOccurrence) {
        return new Finding(ruleId, message, fixHint, file, line, column, startPosition, endPosition,
                enclosingElement, snippet, newOccurrence, sourceText);
    }
}
