package org.allocdiscipline.processor.report;

import java.util.List;
import java.util.Set;

/**
 * Everything one SARIF log holds: the tool, its rules, the findings of one compilation, and the
 * notes the tool gave about itself (internal errors).
 *
 * @param toolVersion the processor's version
 * @param rules the rules that ran, in any order (the writer sorts them by id)
 * @param findings the findings, in any order (the writer sorts them in source order)
 * @param acceptedFingerprints fingerprints the baseline accepts; the other findings are new
 * @param severity the level of new findings
 * @param notifications messages about the tool's own execution, such as internal errors
 * @param errors why the run failed (a baseline that cannot be read, an option that is wrong); if
 *     there is any, the log says the run did not succeed, so that no upload closes open alerts
 */
public record SarifReport(
        String toolVersion,
        List<RuleDescriptor> rules,
        List<Finding> findings,
        Set<String> acceptedFingerprints,
        Severity severity,
        List<String> notifications,
        List<String> errors) {

    /** Copies the collections, so a report does not change after it is made. */
    public SarifReport {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        acceptedFingerprints = Set.copyOf(acceptedFingerprints);
        notifications = List.copyOf(notifications);
        errors = List.copyOf(errors);
    }

    /**
     * A report of a run that succeeded.
     *
     * @param toolVersion the processor's version
     * @param rules the rules that ran
     * @param findings the findings
     * @param acceptedFingerprints fingerprints the baseline accepts
     * @param severity the level of new findings
     * @param notifications messages about the tool's own execution, such as internal errors
     */
    public SarifReport(String toolVersion, List<RuleDescriptor> rules, List<Finding> findings,
            Set<String> acceptedFingerprints, Severity severity, List<String> notifications) {
        this(toolVersion, rules, findings, acceptedFingerprints, severity, notifications, List.of());
    }
}
