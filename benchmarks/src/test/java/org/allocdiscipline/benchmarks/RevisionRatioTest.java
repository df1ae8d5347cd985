package org.allocdiscipline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevisionRatioTest {
    /** Trimmed from a real {@code -rf json} file of JMH 1.37: one benchmark with a parameter, one without. */
    private static final String JMH_JSON = """
            [
                {
                    "jmhVersion" : "1.37",
                    "benchmark" : "org.allocdiscipline.benchmarks.PageAllocatorBenchmark.pageShared",
                    "mode" : "avgt",
                    "threads" : 1,
                    "forks" : 1,
                    "params" : {
                        "size" : "4096"
                    },
                    "primaryMetric" : {
                        "score" : 2345.5,
                        "scoreError" : 120.25,
                        "scoreUnit" : "ns/op",
                        "rawData" : [ [ 2300.0, 2391.0 ] ]
                    },
                    "secondaryMetrics" : {
                    }
                },
                {
                    "jmhVersion" : "1.37",
                    "benchmark" : "org.allocdiscipline.benchmarks.TinyAllocationsBenchmark.pageAllocator",
                    "mode" : "avgt",
                    "primaryMetric" : {
                        "score" : 12.5,
                        "scoreUnit" : "ns/op"
                    }
                }
            ]
            """;

    @Test
    void readsThePrimaryScoreOfEachRunKeyedByClassMethodAndParameters() throws IOException {
        assertThat(RevisionRatio.scores(JMH_JSON)).containsExactly(
                Map.entry("PageAllocatorBenchmark.pageShared size=4096", 2345.5),
                Map.entry("TinyAllocationsBenchmark.pageAllocator", 12.5));
    }

    @Test
    void keysNameParametersInNameOrder() {
        assertThat(RevisionRatio.key("A.b", new java.util.TreeMap<>(Map.of("size", "8", "mode", "x"))))
                .isEqualTo("A.b mode=x size=8");
    }
}
