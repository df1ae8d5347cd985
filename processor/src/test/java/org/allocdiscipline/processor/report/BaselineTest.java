package org.allocdiscipline.processor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    @TempDir
    Path dir;

    private static Finding finding(String element, long line) {
        return new Finding("hardcoded-allocator", "msg", "fix", "file:///A.java", line, 1, line * 10, line * 10 + 5,
                element, "PageAllocator.INSTANCE", 0);
    }

    @Test
    void acceptsWhatItWasWrittenFromEvenAfterLinesMoved() throws IOException {
        Path file = dir.resolve("sub/baseline.txt");
        Baseline.write(List.of(finding("a.A.m()", 3), finding("a.A.n()", 7)), file);

        Baseline baseline = Baseline.read(file);

        assertThat(baseline.accepts(finding("a.A.m()", 30))).isTrue();
        assertThat(baseline.accepts(finding("a.A.n()", 1))).isTrue();
        assertThat(baseline.accepts(finding("a.A.other()", 3))).isFalse();
        assertThat(baseline.fingerprints()).hasSize(2);
    }

    @Test
    void fileIsReadableAndStable() {
        String text = Baseline.render(List.of(finding("b.B.m()", 1), finding("a.A.m()", 2)));
        assertThat(text).isEqualTo(Baseline.render(List.of(finding("a.A.m()", 2), finding("b.B.m()", 1))));
        List<String> entries = text.lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).endsWith("\thardcoded-allocator\ta.A.m()\tPageAllocator.INSTANCE");
    }

    @Test
    void ignoresCommentsAndBlankLines() throws IOException {
        Path file = dir.resolve("b.txt");
        String fingerprint = finding("a.A.m()", 1).fingerprint();
        Files.writeString(file, "# comment\n\n" + fingerprint + "\n");
        assertThat(Baseline.read(file).accepts(finding("a.A.m()", 99))).isTrue();
    }

    @Test
    void garbageLineIsAClearError() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "# ok\nnot-a-fingerprint\tx\n");
        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.txt:2").hasMessageContaining("not-a-fingerprint");
    }
}
