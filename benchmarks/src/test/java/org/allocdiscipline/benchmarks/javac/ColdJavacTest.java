package org.allocdiscipline.benchmarks.javac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The cold harness reads a child's CPU time from the shell's {@code times}. */
class ColdJavacTest {
    @Test
    void theChildrensUserAndSystemTimeIsTheSecondLine() {
        assertThat(ColdJavac.childCpuNanos("0m0.001s 0m0.002s\n1m10.620s 0m0.390s\n"))
                .isEqualTo(71_010_000_000L);
    }

    @Test
    void anythingElseIsRejected() {
        assertThatThrownBy(() -> ColdJavac.childCpuNanos("0m0.001s 0m0.002s\n"))
                .isInstanceOf(IllegalStateException.class);
    }
}
