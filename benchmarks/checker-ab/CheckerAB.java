import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import com.sun.source.util.JavacTask;

/**
 * Two builds of the checker on the same sources in one JVM, interleaved (AB, then BA, ...): per round
 * the checker's own CPU time (from -Aallocdiscipline.timing=true) and the compiling thread's CPU time.
 * Prints the medians of the per-round ratios SECOND/FIRST (the jars in the order given) with the lowest
 * and highest, and of the checker's share of its compilation, which cancels what the machine's load
 * does to a whole compilation. The jar named first loads first and runs faster in this JVM
 * (a few percent, whole compilations included), so benchmarks/checker-revisions.sh runs it twice with
 * the jars swapped and combines the two.
 *
 * java CheckerAB.java FIRST_JAR SECOND_JAR RUNTIME_JAR BENCHMARKS_JAR WORK_DIR SCALE WARMUP ROUNDS [FFM_DIR]
 *
 * <p>With FFM_DIR (a directory of .corpus files that benchmarks/ffm-libraries.sh writes), a round compiles
 * each of those libraries once, on its own class path, instead of the synthetic corpus; its figures are the
 * sums over the libraries.
 */
public class CheckerAB {
    private static final Pattern NOTE = Pattern.compile("analysed (\\d+) bodies in (\\d+) files, ([0-9.]+) ms CPU");

    public static void main(String[] args) throws Exception {
        Path baseJar = Path.of(args[0]);
        Path newJar = Path.of(args[1]);
        Path runtimeJar = Path.of(args[2]);
        Path benchmarksJar = Path.of(args[3]);
        Path work = Path.of(args[4]);
        int scale = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        int rounds = Integer.parseInt(args[7]);

        List<Library> libraries = args.length > 8 ? Library.all(Path.of(args[8]))
                : List.of(new Library(generate(benchmarksJar, work.resolve("synthetic-" + scale + "x"), scale),
                        runtimeJar.toString()));
        Variant base = new Variant("base", baseJar);
        Variant next = new Variant("new", newJar);
        List<double[]> ratios = new ArrayList<>();
        for (int round = -warmup; round < rounds; round++) {
            Variant first = (round & 1) == 0 ? base : next;
            Variant second = first == base ? next : base;
            double[] a = compile(first, libraries, work);
            double[] b = compile(second, libraries, work);
            double[] baseRun = first == base ? a : b;
            double[] newRun = first == base ? b : a;
            if (round >= 0) {
                ratios.add(new double[] {newRun[0] / baseRun[0], newRun[1] / baseRun[1], baseRun[0], newRun[0],
                        baseRun[1], newRun[1]});
                System.err.printf(Locale.ROOT, "round %d: checker %.1f -> %.1f ms, compile %.0f -> %.0f ms%n", round,
                        baseRun[0], newRun[0], baseRun[1], newRun[1]);
            }
        }
        report("checker CPU (timing note)", ratios, 0, 2, 3);
        report("whole compilation, thread CPU", ratios, 1, 4, 5);
        double[] shares = ratios.stream().mapToDouble(x -> x[0] / x[1]).sorted().toArray();
        System.out.printf(Locale.ROOT, "share-ratio %.4f (lowest %.3f, highest %.3f)%n", median(shares), shares[0],
                shares[shares.length - 1]);
    }

    private static void report(String what, List<double[]> ratios, int ratio, int baseIndex, int newIndex) {
        double[] r = ratios.stream().mapToDouble(x -> x[ratio]).sorted().toArray();
        double[] b = ratios.stream().mapToDouble(x -> x[baseIndex]).sorted().toArray();
        double[] n = ratios.stream().mapToDouble(x -> x[newIndex]).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: median first %.1f ms, second %.1f ms; ratio second/first median %.3f (lowest %.3f, highest %.3f), %d rounds%n",
                what, median(b), median(n), median(r), r[0], r[r.length - 1], r.length);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @SuppressWarnings("unchecked")
    private static List<Path> generate(Path benchmarksJar, Path directory, int scale) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {benchmarksJar.toUri().toURL()},
                ClassLoader.getSystemClassLoader())) {
            Class<?> corpus = loader.loadClass("org.allocdiscipline.benchmarks.javac.SyntheticCorpus");
            Method generate = corpus.getDeclaredMethod("generate", Path.class, int.class);
            generate.setAccessible(true);
            return (List<Path>) generate.invoke(null, directory, scale);
        }
    }

    /** Returns {checker ms, thread CPU ms}, summed over the libraries. */
    private static double[] compile(Variant variant, List<Library> libraries, Path work) throws Exception {
        double[] sum = new double[2];
        for (Library library : libraries) {
            double[] one = compile(variant, library.sources(), library.classPath(), work);
            sum[0] += one[0];
            sum[1] += one[1];
        }
        return sum;
    }

    /** Returns {checker ms, thread CPU ms}. */
    private static double[] compile(Variant variant, List<Path> sources, String classPath, Path work) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = work.resolve("classes-" + variant.name);
        Files.createDirectories(out);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "25", "-encoding", "UTF-8", "-Xlint:none", "-implicit:none",
                    "-classpath", classPath, "-d", out.toString(), "-Aallocdiscipline.timing=true");
            JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(variant.newProcessor()));
            long start = threads.getCurrentThreadCpuTime();
            boolean ok = task.call();
            long cpu = threads.getCurrentThreadCpuTime() - start;
            Double checker = null;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                Matcher m = NOTE.matcher(d.getMessage(Locale.ROOT));
                if (m.find()) {
                    checker = Double.parseDouble(m.group(3));
                }
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    throw new IllegalStateException(d.toString());
                }
            }
            if (!ok || checker == null) {
                throw new IllegalStateException("no timing note from " + variant.name + ": " + diagnostics.getDiagnostics());
            }
            return new double[] {checker, cpu / 1e6};
        }
    }

    /** Sources compiled together, with their class path (empty for none). */
    private record Library(List<Path> sources, String classPath) {
        /** The libraries of a directory of .corpus files: "sources DIR" and "classpath JAR" lines, relative to it. */
        static List<Library> all(Path directory) throws Exception {
            List<Library> libraries = new ArrayList<>();
            try (var corpora = Files.list(directory)) {
                for (Path corpus : corpora.filter(p -> p.toString().endsWith(".corpus")).sorted().toList()) {
                    List<Path> sources = new ArrayList<>();
                    List<String> classPath = new ArrayList<>();
                    for (String line : Files.readAllLines(corpus)) {
                        if (line.startsWith("sources ")) {
                            try (var files = Files.walk(directory.resolve(line.substring("sources ".length())))) {
                                files.filter(f -> f.toString().endsWith(".java")
                                        && !f.getFileName().toString().equals("module-info.java")).sorted().forEach(sources::add);
                            }
                        } else if (line.startsWith("classpath ")) {
                            classPath.add(directory.resolve(line.substring("classpath ".length())).toString());
                        }
                    }
                    libraries.add(new Library(sources, String.join(File.pathSeparator, classPath)));
                }
            }
            if (libraries.isEmpty()) {
                throw new IllegalArgumentException("no .corpus files in " + directory);
            }
            return libraries;
        }
    }

    private static final class Variant {
        final String name;
        final URLClassLoader loader;

        Variant(String name, Path jar) throws Exception {
            this.name = name;
            this.loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getSystemClassLoader());
        }

        Processor newProcessor() throws Exception {
            return (Processor) loader.loadClass("org.allocdiscipline.processor.AllocatorDisciplineProcessor")
                    .getDeclaredConstructor().newInstance();
        }
    }
}
