package org.allocdiscipline.processor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.allocdiscipline.processor.testing.SarifSchema;
import org.junit.jupiter.api.Test;

class SarifWriterTest {
    private static final RuleDescriptor RULE = new RuleDescriptor("hardcoded-allocator", "Names the global allocator.",
            "Take an Allocator parameter.");
    private static final RuleDescriptor OTHER = new RuleDescriptor("owned-not-freed", "Leaks.", "Free it.");

    private static Finding finding(String file, long line, long start, String element) {
        return new Finding("hardcoded-allocator", "m() names the global PageAllocator.INSTANCE \"quoted\".",
                "Add a parameter.", file, line, 5, start, start + 22, element, "PageAllocator.INSTANCE", 0);
    }

    private static List<Finding> findings() {
        return Fingerprints.assignOccurrences(List.of(
                finding("file:///src/b/B.java", 3, 40, "b.B.m()"),
                finding("file:///src/a/A.java", 9, 200, "a.A.n(long)"),
                finding("file:///src/a/A.java", 4, 80, "a.A.m()"),
                finding("file:///src/a/A.java", 5, 120, "a.A.m()")));
    }

    @Test
    void validatesAgainstTheOfficialSchema() {
        List<Finding> all = findings();
        SarifReport report = new SarifReport("1.2.3", List.of(RULE, OTHER), all, Set.of(all.get(0).fingerprint()),
                Severity.ERROR, List.of("[allocdiscipline] internal error while checking a.A.x(): boom"));

        byte[] sarif = new SarifWriter().toBytes(report);

        assertThat(SarifSchema.errors(sarif)).isEmpty();
        String text = new String(sarif, StandardCharsets.UTF_8);
        assertThat(text).contains("\"version\" : \"2.1.0\"", "\"ruleId\" : \"hardcoded-allocator\"",
                "\"baselineState\" : \"unchanged\"", "\"baselineState\" : \"new\"", "\"level\" : \"error\"",
                "\"allocdiscipline/v1\" : \"" + all.get(0).fingerprint() + "\"", "toolExecutionNotifications",
                "\\\"quoted\\\"");
    }

    @Test
    void emptyReportIsValidToo() {
        byte[] sarif = new SarifWriter().toBytes(new SarifReport("1", List.of(RULE), List.of(), Set.of(),
                Severity.WARNING, List.of()));
        assertThat(SarifSchema.errors(sarif)).isEmpty();
    }

    @Test
    void schemaRejectsABrokenLog() {
        // The validator is live: a result without its required message is refused.
        String broken = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"results\":[{\"ruleId\":\"r\"}]}]}";
        assertThat(SarifSchema.errors(broken.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void sameFindingsInAnyOrderGiveTheSameBytes() {
        List<Finding> shuffled = new ArrayList<>(findings());
        Collections.reverse(shuffled);
        byte[] first = new SarifWriter().toBytes(new SarifReport("1", List.of(RULE, OTHER), findings(), Set.of(),
                Severity.WARNING, List.of()));
        byte[] second = new SarifWriter().toBytes(new SarifReport("1", List.of(OTHER, RULE), shuffled, Set.of(),
                Severity.WARNING, List.of()));

        assertThat(second).isEqualTo(first);
        String text = new String(first, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r");
        assertThat(text.indexOf("a.A.m()")).isLessThan(text.indexOf("a.A.n(long)"));
        assertThat(text.indexOf("a.A.n(long)")).isLessThan(text.indexOf("b.B.m()"));
    }
}
