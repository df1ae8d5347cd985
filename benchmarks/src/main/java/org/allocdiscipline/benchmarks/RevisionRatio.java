package org.allocdiscipline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.allocdiscipline.benchmarks.stats.Samples;

/**
 * The same benchmarks in two builds of the benchmarks jar, a base revision and a new one, measured so
 * that the machine's drift falls on both: each round runs one JMH fork of each build per benchmark (and
 * per value of its parameters), base first in even rounds and new first in odd ones
 * ({@link PairedRatio#order}), and the result is, per benchmark and parameters, the median of the
 * per-round ratios new/base with its 95 % interval. JMH runs in a process of its own for each fork
 * (its output goes to {@code WORK/jmh.log}); the scores are read from its {@code -rf json} file.
 * {@code benchmarks/revisions.sh} builds both jars and runs this.
 *
 * <pre>
 * java -cp benchmarks.jar org.allocdiscipline.benchmarks.RevisionRatio --java JAVA --work DIR \
 *     BASE_JAR NEW_JAR [--rounds 11] [--param name=value[,value]]... BENCHMARK...
 * </pre>
 * A benchmark is named as JMH lists it without the package, e.g. {@code PageAllocatorBenchmark.pageShared}.
 */
public final class RevisionRatio {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RevisionRatio() {
    }

    /**
     * Runs the rounds and prints one line per round and benchmark, then each one's median ratio and its interval.
     *
     * @param args see the class description
     * @throws IOException if JMH cannot be started or its results read
     * @throws InterruptedException if interrupted while JMH runs
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        String java = "java";
        Path work = Path.of(".");
        int rounds = 11;
        List<String> params = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--java" -> java = args[++i];
                case "--work" -> work = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--param" -> params.addAll(List.of("-p", args[++i]));
                default -> positional.add(args[i]);
            }
        }
        if (positional.size() < 3 || rounds < 1) {
            throw new IllegalArgumentException("usage: RevisionRatio [--java JAVA] [--work DIR] BASE_JAR NEW_JAR"
                    + " [--rounds N] [--param name=value]... BENCHMARK...");
        }
        List<String> jars = positional.subList(0, 2);
        List<String> benchmarks = positional.subList(2, positional.size());
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String benchmark : benchmarks) {
                List<Map<String, Double>> scores = new ArrayList<>(List.of(Map.of(), Map.of()));
                for (int build : PairedRatio.order(2, round)) {
                    scores.set(build, fork(java, work, jars.get(build), params, benchmark));
                }
                Map<String, Double> base = scores.get(0);
                for (Map.Entry<String, Double> run : scores.get(1).entrySet()) {
                    Double before = base.get(run.getKey());
                    if (before == null) {
                        throw new IllegalStateException(run.getKey() + " ran in the new build only");
                    }
                    double ratio = run.getValue() / before;
                    ratios.computeIfAbsent(run.getKey(), k -> new ArrayList<>()).add(ratio);
                    System.out.printf(Locale.ROOT, "round %2d: %s base %.3f, new %.3f (ratio %.3f)%n",
                            round + 1, run.getKey(), before, run.getValue(), ratio);
                }
            }
        }
        ratios.forEach((key, values) -> {
            Samples samples = Samples.of(values, Double::doubleValue);
            double[] interval = samples.medianInterval();
            System.out.printf(Locale.ROOT, "%s: new/base median ratio %.3f over %d rounds (95 %% interval %.3f to"
                            + " %.3f; min %.3f, max %.3f)%n", key, samples.median(), values.size(),
                    interval[0], interval[1], samples.min(), samples.max());
        });
    }

    /** One fork of each parameter combination of one benchmark in the jar, in a JMH process of its own. */
    private static Map<String, Double> fork(String java, Path work, String jar, List<String> params, String benchmark)
            throws IOException, InterruptedException {
        Path result = work.resolve("jmh-result.json");
        Files.deleteIfExists(result);
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar,
                "-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s", "-foe", "true",
                "-rf", "json", "-rff", result.toString()));
        command.addAll(params);
        command.add("\\." + Pattern.quote(benchmark) + "$");
        Path log = work.resolve("jmh.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (process.waitFor() != 0 || !Files.exists(result)) {
            throw new IllegalStateException(String.join(" ", command) + " failed: see " + log);
        }
        Map<String, Double> scores = scores(Files.readString(result));
        if (scores.isEmpty()) {
            throw new IllegalArgumentException(benchmark + " matched no benchmark in " + jar
                    + ": name it as JMH lists it, without the package");
        }
        return scores;
    }

    /**
     * The primary score of each benchmark run in a JMH JSON result file, keyed by {@link #key}.
     *
     * @param json the contents of a {@code -rf json} file
     * @return score by key, in the file's order
     * @throws IOException if it is not JSON
     */
    static Map<String, Double> scores(String json) throws IOException {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (JsonNode run : JSON.readTree(json)) {
            Map<String, String> params = new TreeMap<>();
            run.path("params").properties().forEach(entry -> params.put(entry.getKey(), entry.getValue().asText()));
            String name = run.get("benchmark").asText();
            scores.put(key(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), params),
                    run.get("primaryMetric").get("score").asDouble());
        }
        return scores;
    }

    /**
     * How a benchmark run is named in the output: class and method, then its parameters, if any.
     *
     * @param benchmark {@code Class.method}
     * @param params parameter values by name
     * @return e.g. {@code PageAllocatorBenchmark.pageShared size=4096}
     */
    static String key(String benchmark, Map<String, String> params) {
        StringJoiner key = new StringJoiner(" ");
        key.add(benchmark);
        params.forEach((name, value) -> key.add(name + "=" + value));
        return key.toString();
    }
}
