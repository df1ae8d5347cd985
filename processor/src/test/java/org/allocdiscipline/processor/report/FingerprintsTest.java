package org.allocdiscipline.processor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    private static Finding at(long line, long start, String element, String snippet) {
        return new Finding("hardcoded-allocator", "msg", "fix", "file:///A.java", line, 9, start, start + 10, element,
                snippet, 0);
    }

    @Test
    void lineAndOffsetDoNotChangeTheFingerprint() {
        assertThat(at(3, 40, "a.A.m()", "PageAllocator.INSTANCE").fingerprint())
                .isEqualTo(at(300, 9000, "a.A.m()", "PageAllocator.INSTANCE").fingerprint());
    }

    @Test
    void ruleElementSnippetAndOccurrenceDo() {
        String base = Fingerprints.of("hardcoded-allocator", "a.A.m()", "PageAllocator.INSTANCE", 0);
        assertThat(Fingerprints.of("owned-not-freed", "a.A.m()", "PageAllocator.INSTANCE", 0)).isNotEqualTo(base);
        assertThat(Fingerprints.of("hardcoded-allocator", "a.A.n()", "PageAllocator.INSTANCE", 0)).isNotEqualTo(base);
        assertThat(Fingerprints.of("hardcoded-allocator", "a.A.m()", "PageAllocator.UNCHECKED", 0)).isNotEqualTo(base);
        assertThat(Fingerprints.of("hardcoded-allocator", "a.A.m()", "PageAllocator.INSTANCE", 1)).isNotEqualTo(base);
        assertThat(base).matches("[0-9a-f]{32}");
    }

    @Test
    void normalizeDropsWhiteSpaceOnly() {
        assertThat(Fingerprints.normalize("PageAllocator\n        .INSTANCE")).isEqualTo("PageAllocator.INSTANCE");
        assertThat(Fingerprints.normalize("new  Arena( a,\tb )")).isEqualTo("newArena(a,b)");
    }

    @Test
    void identicalExpressionsInOneElementAreNumberedInSourceOrder() {
        List<Finding> numbered = Fingerprints.assignOccurrences(List.of(
                at(9, 300, "a.A.m()", "X.I"),
                at(2, 100, "a.A.m()", "X.I"),
                at(5, 200, "a.A.n()", "X.I"),
                at(4, 150, "a.A.m()", "X.I")));

        assertThat(numbered).extracting(Finding::line).containsExactly(2L, 4L, 5L, 9L);
        assertThat(numbered).extracting(Finding::occurrence).containsExactly(0, 1, 0, 2);
        assertThat(numbered).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }
}
