package org.allocdiscipline.benchmarks.javac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --gc-between-runs}: whether each warm run starts after {@code System.gc()}. */
class CollectBetweenRunsTest {
    @Test
    void collectsUnlessToldNot() {
        assertThat(JavacOverhead.collectBetweenRuns(Map.of())).isTrue();
        assertThat(JavacOverhead.collectBetweenRuns(Map.of("gc-between-runs", "true"))).isTrue();
        assertThat(JavacOverhead.collectBetweenRuns(Map.of("gc-between-runs", "false"))).isFalse();
    }

    @Test
    void anyOtherValueIsRefusedRatherThanReadAsFalse() {
        assertThatThrownBy(() -> JavacOverhead.collectBetweenRuns(Map.of("gc-between-runs", "no")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not no");
    }
}
