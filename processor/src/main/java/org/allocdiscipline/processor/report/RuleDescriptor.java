package org.allocdiscipline.processor.report;

import java.util.Objects;

/**
 * Everything said about a rule apart from its findings: its id, what it finds, how such findings are
 * fixed, and whether the project's documentation lists it (the built-in rules). A rule holds its
 * descriptor; reports, options and docs read it from there.
 *
 * @param id the rule id, such as {@code hardcoded-allocator}
 * @param description one sentence on what the rule reports
 * @param fixHint one sentence on how its findings are usually fixed
 * @param documented whether the rule is one of the documented, built-in ones
 */
public record RuleDescriptor(String id, String description, String fixHint, boolean documented) {
    /**
     * Checks that no part is missing.
     *
     * @throws NullPointerException if a part is null
     */
    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(fixHint, "fixHint");
    }

    /**
     * Describes a rule that the documentation does not list, such as one a user adds.
     *
     * @param id the rule id
     * @param description one sentence on what the rule reports
     * @param fixHint one sentence on how its findings are usually fixed
     */
    public RuleDescriptor(String id, String description, String fixHint) {
        this(id, description, fixHint, false);
    }

    /**
     * Describes one of the documented, built-in rules.
     *
     * @param id the rule id
     * @param description one sentence on what the rule reports
     * @param fixHint one sentence on how its findings are usually fixed
     * @return the descriptor
     */
    public static RuleDescriptor documented(String id, String description, String fixHint) {
        return new RuleDescriptor(id, description, fixHint, true);
    }
}
