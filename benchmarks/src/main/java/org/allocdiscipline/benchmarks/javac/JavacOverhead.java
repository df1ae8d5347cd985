package org.allocdiscipline.benchmarks.javac;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the allocator-discipline checker adds to compile time: whole javac runs of real and
 * synthetic code, with and without the processor, side by side in one JVM, reported as ratios in
 * markdown. {@code benchmarks/javac-overhead.sh} builds what it needs and runs it.
 *
 * <pre>
 * java -cp benchmarks.jar org.allocdiscipline.benchmarks.javac.JavacOverhead \
 *     [--sources-jars DIR] [--ffm-libraries DIR] --runtime-jar JAR [--work DIR] [--out FILE]
 *     [--warmup 3] [--rounds 11] [--jvm-warmup 6] [--scales 1,2,4] [--only all|real,ffm,synthetic]
 *     [--variants baseline,plugin,empty_listener,call_walk] [--gc-between-runs true|false]
 * java -cp benchmarks.jar org.allocdiscipline.benchmarks.javac.JavacOverhead --mode cold \
 *     [--sources-jars DIR] [--ffm-libraries DIR] --runtime-jar JAR --processor-jar JAR [--compare-jar JAR]
 *     [--empty-listener true] [--work DIR] [--out FILE] [--rounds 7] [--only all|real,ffm]
 * </pre>
 *
 * <p>{@code --sources-jars} holds the commons sources jars, {@code --ffm-libraries} the
 * {@code .corpus} files of the FFM libraries (see {@link LibraryCorpus}); {@code --only} picks among
 * them and the synthetic corpus (see {@link CorpusGroup}). {@code --mode cold} compiles the real corpora with one {@code javac} process per compilation
 * instead (see {@link ColdRun}); {@code --compare-jar} adds the plugin from another build of the
 * processor to the same rounds, for before-and-after figures; {@code --empty-listener true} adds a
 * plugin that only listens, javac's own price for any listening plugin (see {@link EmptyListenerPlugin}).
 * In the warm mode, {@code --variants} picks the variants to interleave (names of {@link Variant}, baseline
 * among them) and prints a short table of CPU and allocation ratios instead of the full report.
 */
public final class JavacOverhead {
    /** Real code is compiled as Java 17: collections4's linked lists clash with Java 21's SequencedCollection. */
    static final List<String> REAL_OPTIONS =
            List.of("--release", "17", "-encoding", "UTF-8", "-Xlint:none", "-implicit:none");
    /** The synthetic corpus uses JDK 25 constructs (pattern switches with guards). */
    static final List<String> SYNTHETIC_OPTIONS =
            List.of("--release", "25", "-encoding", "UTF-8", "-Xlint:none", "-implicit:none");
    /** The FFM libraries need the final java.lang.foreign API, so they are compiled as the newest release too. */
    static final List<String> FFM_OPTIONS = SYNTHETIC_OPTIONS;

    private JavacOverhead() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class description
     * @throws IOException if the corpora cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> flags = flags(args);
        Path work = Path.of(flags.getOrDefault("work", "benchmarks/target/javac-overhead"));
        int warmup = Integer.parseInt(flags.getOrDefault("warmup", "3"));
        int rounds = Integer.parseInt(flags.getOrDefault("rounds", "11"));
        int jvmWarmup = Integer.parseInt(flags.getOrDefault("jvm-warmup", "6"));
        Set<CorpusGroup> groups = CorpusGroup.selected(flags.getOrDefault("only", "all"), flags);
        PrintStream log = System.err;

        Path runtimeJar = Path.of(required(flags, "runtime-jar"));
        if (flags.getOrDefault("mode", "warm").equals("cold")) {
            cold(flags, groups, work, runtimeJar, log);
            return;
        }
        List<Corpus> real = realCorpora(flags, groups, work, runtimeJar);
        List<Integer> scales = new ArrayList<>();
        if (groups.contains(CorpusGroup.SYNTHETIC)) {
            scales = Arrays.stream(flags.getOrDefault("scales", "1,2,4").split(",")).map(String::strip)
                    .map(Integer::valueOf).toList();
        }

        List<Variant> variants = flags.containsKey("variants")
                ? Arrays.stream(flags.get("variants").split(",")).map(Variant::named).distinct().toList()
                : Variant.DEFAULT;
        if (!variants.contains(Variant.BASELINE)) {
            throw new IllegalArgumentException("--variants must include baseline: every ratio is to it");
        }
        boolean collect = collectBetweenRuns(flags);
        InterleavedRun run = new InterleavedRun(new JavacRunner(), variants, warmup, rounds, work, log, collect);
        List<CorpusResult> results = new ArrayList<>();
        for (Corpus corpus : real) {
            results.add(new CorpusResult(corpus, 0, run.run(corpus, results.isEmpty() ? jvmWarmup : 0)));
        }
        for (int scale : scales) {
            Path directory = work.resolve("synthetic-" + scale + "x");
            List<Path> sources = SyntheticCorpus.generate(directory, scale);
            Corpus corpus = new Corpus("synthetic " + scale + "x", sources, List.of(runtimeJar), SYNTHETIC_OPTIONS,
                    SourceFiles.lines(sources));
            results.add(new CorpusResult(corpus, scale, run.run(corpus, results.isEmpty() ? jvmWarmup : 0)));
        }

        String setting = String.format("JDK %s (%s), %d processors visible, %d warm-up + %d measured rounds per"
                        + " corpus (%d more warm-up rounds on the first, for the JIT), variants interleaved;"
                        + " in-process javac (javax.tools), one JVM, heap %d MiB, %s",
                Runtime.version(), System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
                warmup, rounds, jvmWarmup, Runtime.getRuntime().maxMemory() >> 20,
                collect ? "System.gc() before each run" : "no System.gc() between runs (the JVM collects when it needs to)");
        String markdown = variants.equals(Variant.DEFAULT)
                ? new MarkdownReport().render(results, setting)
                : VariantReport.render(results, variants, setting);
        write(flags, markdown);
        if (flags.containsKey("out")) {
            Path out = Path.of(flags.get("out"));
            Files.writeString(out.resolveSibling(out.getFileName().toString().replaceFirst("\\.md$", "") + ".csv"),
                    csv(results), StandardCharsets.UTF_8);
        }
    }

    /**
     * Whether each warm run starts after {@code System.gc()}: {@code --gc-between-runs}, true unless told.
     *
     * @throws IllegalArgumentException for a value other than true or false
     */
    static boolean collectBetweenRuns(Map<String, String> flags) {
        return switch (flags.getOrDefault("gc-between-runs", "true")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--gc-between-runs is true or false, not "
                    + flags.get("gc-between-runs"));
        };
    }

    /** The real corpora, each compiled by one fresh javac process per compilation, 7 rounds unless told. */
    private static void cold(Map<String, String> flags, Set<CorpusGroup> groups, Path work, Path runtimeJar,
            PrintStream log) throws IOException {
        int rounds = Integer.parseInt(flags.getOrDefault("rounds", "7"));
        List<Corpus> real = realCorpora(flags, groups, work, runtimeJar);
        if (real.isEmpty()) {
            throw new IllegalArgumentException("cold mode compiles the real corpora only: give --sources-jars or"
                    + " --ffm-libraries");
        }
        List<ColdVariant> variants = new ArrayList<>(List.of(ColdVariant.baseline(),
                ColdVariant.plugin("plugin", "checker as plugin", Path.of(required(flags, "processor-jar")))));
        if (flags.containsKey("compare-jar")) {
            variants.add(ColdVariant.plugin("compared", "plugin from " + Path.of(flags.get("compare-jar")).getFileName(),
                    Path.of(flags.get("compare-jar"))));
        }
        if (flags.getOrDefault("empty-listener", "false").equals("true")) {
            variants.add(ColdVariant.emptyListener(EmptyListenerPlugin.writeJar(work.resolve("empty-listener.jar"))));
        }
        ColdRun run = new ColdRun(new ColdJavac(), variants, rounds, work, log);
        List<ColdRun.Result> results = new ArrayList<>();
        for (Corpus corpus : real) {
            results.add(run.run(corpus));
        }
        String setting = String.format("JDK %s (%s), %d processors visible, %d rounds per corpus, variants"
                        + " interleaved; one javac process per compilation (%s), default JVM options",
                Runtime.version(), System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
                rounds, Path.of(System.getProperty("java.home"), "bin", "javac"));
        write(flags, ColdReport.render(results, setting));
    }

    /** Prints the report and writes it to {@code --out}, if given. */
    private static void write(Map<String, String> flags, String markdown) throws IOException {
        System.out.println(markdown);
        if (flags.containsKey("out")) {
            Path out = Path.of(flags.get("out"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
        }
    }

    /** Every measured run, for a closer look than the medians give. */
    private static String csv(List<CorpusResult> results) {
        StringBuilder csv = new StringBuilder(
                "corpus,variant,round,wall_ms,cpu_ms,own_cpu_ms,bodies,files,findings,allocated_bytes\n");
        for (CorpusResult r : results) {
            r.rounds().forEach((variant, runs) -> {
                for (int i = 0; i < runs.size(); i++) {
                    Measurement m = runs.get(i);
                    csv.append(String.format(java.util.Locale.ROOT, "%s,%s,%d,%.3f,%.3f,%.3f,%d,%d,%d,%d\n",
                            r.corpus().name(), variant.name(), i + 1, m.wallNanos() / 1e6, m.cpuNanos() / 1e6,
                            m.processorCpuNanos() / 1e6, m.bodies(), m.files(), m.findings(), m.allocatedBytes()));
                }
            });
        }
        return csv.toString();
    }

    /**
     * The selected real corpora: the commons libraries, then the FFM libraries. The runtime jar goes on
     * every class path, as in any project that uses the checker: the code does not need it, but without
     * {@code @Owned} in sight the ownership rules would skip every body.
     */
    private static List<Corpus> realCorpora(Map<String, String> flags, Set<CorpusGroup> groups, Path work,
            Path runtimeJar) throws IOException {
        List<Corpus> corpora = new ArrayList<>();
        if (groups.contains(CorpusGroup.REAL)) {
            corpora.addAll(sourcesJarCorpora(Path.of(flags.get(CorpusGroup.REAL.inputFlag())), work.resolve("sources"),
                    runtimeJar));
        }
        if (groups.contains(CorpusGroup.FFM)) {
            corpora.addAll(LibraryCorpus.readAll(Path.of(flags.get(CorpusGroup.FFM.inputFlag())), List.of(runtimeJar),
                    FFM_OPTIONS));
        }
        return corpora;
    }

    /** One corpus per {@code *-sources.jar} in the directory, every {@code .java} file of it. */
    private static List<Corpus> sourcesJarCorpora(Path jars, Path unpacked, Path runtimeJar) throws IOException {
        List<Path> found;
        try (Stream<Path> list = Files.list(jars)) {
            found = list.filter(p -> p.getFileName().toString().endsWith("-sources.jar")).sorted().toList();
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no *-sources.jar in " + jars);
        }
        List<Corpus> corpora = new ArrayList<>();
        for (Path jar : found) {
            String name = jar.getFileName().toString().replace("-sources.jar", "");
            List<Path> sources = SourceFiles.unpackJavaSources(jar, unpacked.resolve(name));
            corpora.add(new Corpus(name, sources, List.of(runtimeJar), REAL_OPTIONS, SourceFiles.lines(sources)));
        }
        return corpora;
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
            }
            flags.put(args[i].substring(2), args[++i]);
        }
        return flags;
    }

    private static String required(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
