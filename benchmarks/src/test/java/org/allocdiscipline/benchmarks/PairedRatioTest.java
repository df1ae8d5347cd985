package org.allocdiscipline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairedRatioTest {
    @Test
    void evenRoundsRunForwardAndOddRoundsBackward() {
        assertThat(PairedRatio.order(4, 0)).containsExactly(0, 1, 2, 3);
        assertThat(PairedRatio.order(4, 1)).containsExactly(3, 2, 1, 0);
        assertThat(PairedRatio.order(4, 2)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void overTwoRoundsEachBenchmarkRunsOnceBeforeAndOnceAfterTheBaseline() {
        for (int count = 2; count <= 5; count++) {
            for (int b = 1; b < count; b++) {
                assertThat(position(count, 0, b) > position(count, 0, 0))
                        .isNotEqualTo(position(count, 1, b) > position(count, 1, 0));
            }
        }
    }

    private static int position(int count, int round, int index) {
        int[] order = PairedRatio.order(count, round);
        for (int i = 0; i < order.length; i++) {
            if (order[i] == index) {
                return i;
            }
        }
        throw new AssertionError(index + " missing from round " + round);
    }
}
