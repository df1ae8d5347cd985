import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The checker as a build runs it in-process (Maven's compiler plugin, a build daemon, an IDE): javac finds
 * the plugin on the processor path ({@code -processorpath JAR -Xplugin:AllocDiscipline timing=true}) and
 * makes a class loader for it in every compilation. This JVM has none of the checker's classes on its own
 * class path (run it as a source file), so javac's loader finds them only in the jars given; the
 * javac-overhead harness instead runs classes it loaded once, which is what a kept loader gives.
 * Per corpus and round: javac under -proc:none, then each jar, interleaved (order rotated per round).
 * Prints per corpus the median thread CPU of each, its ratio to -proc:none (median of per-round ratios)
 * and the checker's own CPU from its timing note.
 *
 * java ProcessorPathRuns.java WARMUP ROUNDS LABEL=JAR[,LABEL=JAR...] CORPUS_DIR...
 * (a CORPUS_DIR holds .corpus files: "sources DIR" and "classpath JAR" lines, relative to it, and
 * optionally "release N", 25 if none)
 */
public class ProcessorPathRuns {
    private static final Pattern NOTE = Pattern.compile("analysed (\\d+) bodies in (\\d+) files, ([0-9.]+) ms CPU");

    record Library(String name, List<Path> sources, String classPath, String release) {
    }

    record Setup(String label, Path jar) {
        List<String> options() {
            return jar == null ? List.of("-proc:none")
                    : List.of("-proc:none", "-processorpath", jar.toString(), "-Xplugin:AllocDiscipline timing=true");
        }
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<Setup> setups = new ArrayList<>(List.of(new Setup("-proc:none", null)));
        for (String labelled : args[2].split(",")) {
            String[] parts = labelled.split("=", 2);
            setups.add(new Setup(parts[0], Path.of(parts[1]).toAbsolutePath()));
        }
        List<Library> libraries = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            libraries.addAll(libraries(Path.of(args[i])));
        }
        Path out = Files.createTempDirectory("processor-path-runs");
        for (Library library : libraries) {
            double[][] cpu = new double[setups.size()][rounds];
            double[][] own = new double[setups.size()][rounds];
            for (int round = -warmup; round < rounds; round++) {
                for (int k = 0; k < setups.size(); k++) {
                    int s = Math.floorMod(k + round, setups.size());
                    double[] run = compile(library, setups.get(s), out);
                    if (round >= 0) {
                        cpu[s][round] = run[0];
                        own[s][round] = run[1];
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s (%d files)%n", library.name(), library.sources().size());
            for (int s = 0; s < setups.size(); s++) {
                double[] ratios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratios[r] = cpu[s][r] / cpu[0][r];
                }
                System.out.printf(Locale.ROOT, "  %-28s CPU %7.1f ms  ratio %+6.1f %% (%+.1f to %+.1f)  own %6.1f ms%n",
                        setups.get(s).label(), median(cpu[s]), 100 * (median(ratios) - 1), 100 * (min(ratios) - 1),
                        100 * (max(ratios) - 1), median(own[s]));
            }
        }
    }

    /** Returns {thread CPU ms, checker's own CPU ms (0 without the checker)}. */
    private static double[] compile(Library library, Setup setup, Path out) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(List.of("--release", library.release(), "-encoding", "UTF-8", "-Xlint:none",
                "-implicit:none", "-d", out.toString()));
        if (!library.classPath().isEmpty()) {
            options.addAll(List.of("-classpath", library.classPath()));
        }
        options.addAll(setup.options());
        long start = threads.getCurrentThreadCpuTime();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(library.sources())).call();
            if (!ok) {
                throw new IllegalStateException(library.name() + ": " + diagnostics.getDiagnostics());
            }
        }
        double cpu = (threads.getCurrentThreadCpuTime() - start) / 1e6;
        double own = 0;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            Matcher m = NOTE.matcher(d.getMessage(Locale.ROOT));
            if (m.find()) {
                own = Double.parseDouble(m.group(3));
            }
        }
        if (setup.jar() != null && own == 0) {
            throw new IllegalStateException("no timing note from " + setup.label() + " on " + library.name());
        }
        return new double[] {cpu, own};
    }

    private static List<Library> libraries(Path directory) throws Exception {
        List<Library> libraries = new ArrayList<>();
        try (Stream<Path> corpora = Files.list(directory)) {
            for (Path corpus : corpora.filter(p -> p.toString().endsWith(".corpus")).sorted().toList()) {
                List<Path> sources = new ArrayList<>();
                List<String> classPath = new ArrayList<>();
                String release = "25";
                for (String line : Files.readAllLines(corpus)) {
                    if (line.startsWith("sources ")) {
                        try (Stream<Path> files = Files.walk(directory.resolve(line.substring("sources ".length())))) {
                            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
                        }
                    } else if (line.startsWith("release ")) {
                        release = line.substring("release ".length()).strip();
                    } else if (line.startsWith("classpath ")) {
                        classPath.add(directory.resolve(line.substring("classpath ".length())).toString());
                    }
                }
                libraries.add(new Library(corpus.getFileName().toString().replace(".corpus", ""), sources,
                        String.join(File.pathSeparator, classPath), release));
            }
        }
        return libraries;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
