package org.allocdiscipline.benchmarks.javac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --only}: which corpora a run compiles. */
class CorpusGroupTest {
    private static final Map<String, String> BOTH = Map.of("sources-jars", "jars", "ffm-libraries", "ffm");

    @Test
    void allIsEveryGroupWhoseInputIsGiven() {
        assertThat(CorpusGroup.selected("all", BOTH)).containsExactly(CorpusGroup.REAL, CorpusGroup.FFM,
                CorpusGroup.SYNTHETIC);
        assertThat(CorpusGroup.selected("all", Map.of("sources-jars", "jars")))
                .containsExactly(CorpusGroup.REAL, CorpusGroup.SYNTHETIC);
    }

    @Test
    void aListNamesGroups() {
        assertThat(CorpusGroup.selected("ffm", BOTH)).containsExactly(CorpusGroup.FFM);
        assertThat(CorpusGroup.selected("real, ffm", BOTH)).containsExactly(CorpusGroup.REAL, CorpusGroup.FFM);
        assertThat(CorpusGroup.selected("synthetic", Map.of())).containsExactly(CorpusGroup.SYNTHETIC);
    }

    @Test
    void aGroupNamedWithoutItsInputOrAnUnknownNameIsRefused() {
        assertThatThrownBy(() -> CorpusGroup.selected("ffm", Map.of("sources-jars", "jars")))
                .hasMessageContaining("--only ffm needs --ffm-libraries");
        assertThatThrownBy(() -> CorpusGroup.selected("commons", BOTH)).hasMessageContaining("not commons");
    }
}
