package org.allocdiscipline.processor.report;

import java.util.Locale;

/** How findings are reported: as warnings, or as errors that fail the compilation (a review gate). */
public enum Severity {
    /** Findings are mandatory warnings; the build goes on. */
    WARNING,
    /** Findings are errors; a build with a new finding fails. */
    ERROR;

    /**
     * The SARIF {@code level} of a finding with this severity.
     *
     * @return {@code "warning"} or {@code "error"}
     */
    public String sarifLevel() {
        return name().toLowerCase(Locale.ROOT);
    }
}
