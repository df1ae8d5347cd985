package org.allocdiscipline.processor.report;

import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;
import org.allocdiscipline.processor.Options;

/**
 * Collects the findings of one compilation, reports each new one on its exact tree as it is found,
 * and at the end writes the SARIF report and the baseline, and prints a summary with the true counts.
 *
 * <p>Findings are <em>mandatory</em> warnings (or errors), which javac shows even under
 * {@code -nowarn}. javac still stops printing warnings after {@code -Xmaxwarns}; the summary note
 * gives the true count then, and the SARIF file always lists every finding.
 */
public final class ReportSession {
    private final Options options;
    private final Trees trees;
    private final Messager messager;
    private final List<RuleDescriptor> rules;
    private final String toolVersion;
    private final Baseline baseline;
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> notifications = new ArrayList<>();
    private int newFindings;
    private boolean finished;

    private ReportSession(Options options, Trees trees, Messager messager, List<RuleDescriptor> rules,
            String toolVersion, Baseline baseline) {
        this.options = options;
        this.trees = trees;
        this.messager = messager;
        this.rules = List.copyOf(rules);
        this.toolVersion = toolVersion;
        this.baseline = baseline;
    }

    /**
     * Starts a session, reading the baseline if one is configured (and not about to be written).
     *
     * @param options the options
     * @param trees the compiler's tree utilities, to place diagnostics on trees
     * @param messager where notes and errors without a tree go
     * @param rules the rules that run, for the SARIF rule metadata
     * @param toolVersion the processor's version
     * @return the session; if the baseline cannot be read, an error has been reported and the
     *     session reports every finding as new
     */
    public static ReportSession start(Options options, Trees trees, Messager messager, List<RuleDescriptor> rules,
            String toolVersion) {
        Baseline baseline = Baseline.empty();
        if (options.baseline().isPresent() && !options.writeBaseline()) {
            try {
                baseline = Baseline.read(options.baseline().get());
            } catch (NoSuchFileException e) {
                messager.printMessage(Diagnostic.Kind.ERROR, "allocdiscipline: the baseline file "
                        + options.baseline().get() + " does not exist; write it from today's findings with -A"
                        + Options.BASELINE_WRITE + "=true");
            } catch (IOException | IllegalArgumentException e) {
                messager.printMessage(Diagnostic.Kind.ERROR, "allocdiscipline: cannot read the baseline file "
                        + options.baseline().get() + ": " + e.getMessage());
            }
        }
        return new ReportSession(options, trees, messager, rules, toolVersion, baseline);
    }

    /**
     * Takes the findings and failures of one class: reports the new findings on their trees (in
     * source order) and each failure as one note.
     *
     * @param classFindings the class's findings, in source order
     * @param failures the class's internal failures
     */
    public void accept(List<LocatedFinding> classFindings, List<InternalFailure> failures) {
        Diagnostic.Kind kind = options.severity() == Severity.ERROR ? Diagnostic.Kind.ERROR
                : Diagnostic.Kind.MANDATORY_WARNING;
        for (LocatedFinding located : classFindings) {
            Finding finding = located.finding();
            findings.add(finding);
            if (options.writeBaseline() || baseline.accepts(finding)) {
                continue;
            }
            newFindings++;
            trees.printMessage(kind, finding.diagnosticText(), located.tree(), located.unit());
        }
        failures.forEach(this::internalFailure);
    }

    /**
     * Reports an internal failure as one note, on its tree if it has one.
     *
     * @param failure the failure
     */
    public void internalFailure(InternalFailure failure) {
        notifications.add(failure.message());
        if (failure.tree() != null && failure.unit() != null) {
            trees.printMessage(Diagnostic.Kind.NOTE, failure.message(), failure.tree(), failure.unit());
        } else {
            messager.printMessage(Diagnostic.Kind.NOTE, failure.message());
        }
    }

    /**
     * Ends the compilation's report: writes the baseline (in write mode) and the SARIF file, and
     * prints the summary. Later calls do nothing.
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        List<Finding> all = new ArrayList<>(findings);
        all.sort(Finding.SOURCE_ORDER);
        if (options.writeBaseline()) {
            options.baseline().ifPresent(path -> {
                try {
                    Baseline.write(all, path);
                } catch (IOException | UncheckedIOException e) {
                    messager.printMessage(Diagnostic.Kind.ERROR,
                            "allocdiscipline: cannot write the baseline file " + path + ": " + e.getMessage());
                }
            });
        }
        Baseline accepted = options.writeBaseline() ? Baseline.of(all) : baseline;
        options.sarif().ifPresent(path -> {
            SarifReport report = new SarifReport(toolVersion, rules, all, accepted.fingerprints(),
                    options.severity(), notifications);
            try {
                new SarifWriter().write(report, path);
            } catch (IOException | UncheckedIOException e) {
                messager.printMessage(Diagnostic.Kind.ERROR,
                        "allocdiscipline: cannot write the SARIF report " + path + ": " + e.getMessage());
            }
        });
        messager.printMessage(Diagnostic.Kind.NOTE, summary(all.size()));
    }

    private String summary(int total) {
        String noun = total == 1 ? " finding" : " findings";
        if (options.writeBaseline()) {
            return "allocdiscipline: " + total + noun + ", all written to the baseline "
                    + options.baseline().map(Object::toString).orElse("");
        }
        int acceptedCount = total - newFindings;
        StringBuilder text = new StringBuilder("allocdiscipline: ").append(total).append(noun)
                .append(" (").append(newFindings).append(" new");
        if (acceptedCount > 0) {
            text.append(", ").append(acceptedCount).append(" accepted by the baseline");
        }
        text.append(')');
        if (!notifications.isEmpty()) {
            text.append("; ").append(notifications.size()).append(" internal error")
                    .append(notifications.size() == 1 ? "" : "s");
        }
        options.sarif().ifPresent(path -> text.append("; SARIF report: ").append(path));
        return text.toString();
    }

    /**
     * The number of findings so far that the baseline does not accept.
     *
     * @return the count of new findings
     */
    public int newFindings() {
        return newFindings;
    }
}
