package org.allocdiscipline.processor.report;

import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    /** Errors that fail the run; the SARIF log then says the run did not succeed. */
    private final List<String> errors = new ArrayList<>();
    private int newFindings;
    private boolean finished;

    private ReportSession(Options options, Trees trees, Messager messager, List<RuleDescriptor> rules,
            String toolVersion, Baseline baseline, List<String> errors) {
        this.options = options;
        this.trees = trees;
        this.messager = messager;
        this.rules = List.copyOf(rules);
        this.toolVersion = toolVersion;
        this.baseline = baseline;
        this.errors.addAll(errors);
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
        List<String> errors = new ArrayList<>();
        if (options.baseline().isPresent() && !options.writeBaseline()) {
            try {
                baseline = Baseline.read(options.baseline().get());
            } catch (NoSuchFileException e) {
                errors.add("the baseline file " + options.baseline().get()
                        + " does not exist; write it from today's findings with -A" + Options.BASELINE_WRITE + "=true");
            } catch (IOException | IllegalArgumentException e) {
                errors.add("cannot read the baseline file " + options.baseline().get() + ": " + e.getMessage());
            }
        }
        for (String error : errors) {
            messager.printMessage(Diagnostic.Kind.ERROR, "allocdiscipline: " + error);
        }
        return new ReportSession(options, trees, messager, rules, toolVersion, baseline, errors);
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
        for (InternalFailure failure : failures) {
            internalFailure(failure);
        }
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
        if (options.writeBaseline() && options.baseline().isPresent()) {
            Path path = options.baseline().get();
            try {
                Baseline.write(all, path);
            } catch (IOException | UncheckedIOException e) {
                String error = "cannot write the baseline file " + path + ": " + e.getMessage();
                errors.add(error);
                messager.printMessage(Diagnostic.Kind.ERROR, "allocdiscipline: " + error);
            }
        }
        if (options.sarif().isPresent()) {
            Baseline accepted = options.writeBaseline() ? Baseline.of(all) : baseline;
            writeSarif(new SarifReport(toolVersion, rules, all, accepted.fingerprints(), options.severity(),
                    notifications, errors), options.sarif().get(), messager);
        }
        messager.printMessage(Diagnostic.Kind.NOTE, summary(all.size()));
    }

    /**
     * Writes the SARIF log of a run that failed before it could check anything (an option is
     * wrong): no results, and the errors as the reason, so that an upload does not close open
     * alerts and no stale log from an earlier run is left to be uploaded.
     *
     * @param path where to write
     * @param toolVersion the processor's version
     * @param rules the rules that would have run
     * @param errors why the run failed
     * @param messager where a failure to write is reported
     */
    public static void writeFailedRun(Path path, String toolVersion, List<RuleDescriptor> rules, List<String> errors,
            Messager messager) {
        writeSarif(new SarifReport(toolVersion, rules, List.of(), Set.of(), Severity.WARNING, List.of(), errors),
                path, messager);
    }

    private static void writeSarif(SarifReport report, Path path, Messager messager) {
        try {
            new SarifWriter().write(report, path);
        } catch (IOException | UncheckedIOException e) {
            messager.printMessage(Diagnostic.Kind.ERROR,
                    "allocdiscipline: cannot write the SARIF report " + path + ": " + e.getMessage());
        }
    }

    private String summary(int total) {
        String noun = total == 1 ? " finding" : " findings";
        if (options.writeBaseline()) {
            return "allocdiscipline: " + total + noun + ", all written to the baseline "
                    + (options.baseline().isPresent() ? options.baseline().get().toString() : "");
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
        if (options.sarif().isPresent()) {
            text.append("; SARIF report: ").append(options.sarif().get());
        }
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
