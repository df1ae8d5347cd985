package org.allocdiscipline.processor.report;

import java.util.Objects;

/**
 * What a report says about a rule: its id, what it finds, and how such findings are fixed.
 *
 * @param id the rule id, such as {@code hardcoded-allocator}
 * @param description one sentence on what the rule reports
 * @param fixHint one sentence on how its findings are usually fixed
 */
public record RuleDescriptor(String id, String description, String fixHint) {
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
}
