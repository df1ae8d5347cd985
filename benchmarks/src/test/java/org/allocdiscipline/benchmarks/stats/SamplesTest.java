package org.allocdiscipline.benchmarks.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The order statistics the harness reports; the ranks are those of the binomial tables for the median. */
class SamplesTest {
    @Test
    void medianIntervalRanksMatchTheBinomialTables() {
        // Fewer than 6 rounds: even min and max cover the median with less than 95 %.
        assertThat(Samples.medianIntervalRank(5)).isZero();
        assertThat(Samples.medianIntervalRank(6)).isEqualTo(1);
        assertThat(Samples.medianIntervalRank(11)).isEqualTo(2);
        assertThat(Samples.medianIntervalRank(21)).isEqualTo(6);
        assertThat(Samples.medianIntervalRank(100)).isEqualTo(40);
    }

    @Test
    void medianIntervalIsTheOrderStatisticsOfThoseRanksWhateverTheInputOrder() {
        // 21 values 1..21, shuffled: ranks 6 and 16.
        List<Integer> values = IntStream.rangeClosed(1, 21).map(i -> (i * 8) % 21 + 1).boxed().toList();
        Samples samples = Samples.of(values, Integer::doubleValue);

        assertThat(samples.median()).isEqualTo(11);
        assertThat(samples.medianInterval()).containsExactly(6, 16);
    }

    @Test
    void tooFewRoundsGiveTheWholeRange() {
        Samples samples = Samples.of(List.of(3.0, 1.0, 2.0), Double::doubleValue);

        assertThat(samples.medianInterval()).containsExactly(1, 3);
    }
}
