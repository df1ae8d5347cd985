import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the JIT does in a cold javac with and without the checker: runs one javac process per compilation,
 * the two setups interleaved, each with a JFR recording of its compilations, deoptimizations and
 * collections, and prints per setup the mean over the rounds of the process's CPU, the JIT's time by the
 * compiled method's origin (the checker, com.sun.source.util, javac's tree accept methods, the rest of
 * javac, everything else) and tier (C1 tiers 1 to 3, C2 tier 4), the deoptimizations and the GC pauses.
 * A recording costs CPU of its own in both setups alike. With {@code empty} in place of the processor
 * jar, the second setup is a plugin that only registers an empty task listener: javac's own price for any
 * listening plugin (it then keeps doc comments and end positions for every file it parses).
 *
 * <pre>
 * java benchmarks/cold-jit/ColdJit.java SOURCE_DIR CLASS_PATH PROCESSOR_JAR|empty ROUNDS [RELEASE]
 * </pre>
 * The recordings stay in the temporary directory it names.
 */
public final class ColdJit {
    private static final String EMPTY_LISTENER = "EmptyListener";
    private static final String EMPTY_LISTENER_SOURCE = """
            public class EmptyListener implements com.sun.source.util.Plugin {
                public String getName() { return "EmptyListener"; }
                public void init(com.sun.source.util.JavacTask task, String... args) {
                    task.addTaskListener(new com.sun.source.util.TaskListener() { });
                }
            }
            """;

    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0]);
        String classPath = args[1];
        boolean empty = args[2].equals("empty");
        int rounds = Integer.parseInt(args[3]);
        String release = args.length > 4 ? args[4] : "17";
        Path work = Files.createTempDirectory("cold-jit");
        System.out.println("recordings in " + work);
        String[] setups = {"-proc:none", empty ? "empty listener" : "checker as plugin"};
        List<String> plugin = empty
                ? List.of("-processorpath", emptyListener(work).toString(), "-Xplugin:" + EMPTY_LISTENER)
                : List.of("-processorpath", args[2], "-Xplugin:AllocDiscipline");
        Path files = work.resolve("files.txt");
        try (Stream<Path> walk = Files.walk(sources)) {
            Files.write(files, walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java"))
                    .map(Path::toString).sorted().toList());
        }
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        List<Map<String, Double>> totals = List.of(new TreeMap<>(), new TreeMap<>());
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < 2; i++) {
                int setup = round % 2 == 0 ? 1 - i : i;
                Path recording = work.resolve("r" + round + "-" + setup + ".jfr");
                List<String> command = new ArrayList<>(List.of(javac.toString(),
                        "-J-XX:StartFlightRecording=filename=" + recording
                                + ",settings=default,+jdk.Compilation#threshold=0ms,+jdk.Deoptimization#enabled=true",
                        "--release", release, "-proc:none", "-nowarn", "-Xlint:none",
                        "-d", work.resolve("classes-" + setup).toString(), "-cp", classPath));
                if (setup == 1) {
                    command.addAll(plugin);
                }
                command.add("@" + files);
                double cpuSeconds = run(command, work.resolve("log-" + setup + ".txt"));
                Map<String, Double> sums = totals.get(setup);
                sums.merge("process CPU, s", cpuSeconds, Double::sum);
                read(recording, sums);
                System.out.printf("round %d: %s %.2f s CPU%n", round, setups[setup], cpuSeconds);
            }
        }
        for (int setup = 0; setup < 2; setup++) {
            System.out.println("== " + setups[setup] + ", mean of " + rounds + " processes");
            for (Map.Entry<String, Double> entry : totals.get(setup).entrySet()) {
                System.out.printf("  %-40s %10.1f%n", entry.getKey(), entry.getValue() / rounds);
            }
        }
    }

    /** Compiles the empty-listener plugin into a processor-path directory with its service file. */
    private static Path emptyListener(Path work) throws IOException {
        Path dir = work.resolve("empty-listener");
        Path source = work.resolve(EMPTY_LISTENER + ".java");
        Files.writeString(source, EMPTY_LISTENER_SOURCE);
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString()) != 0) {
            throw new IllegalStateException("the empty listener does not compile");
        }
        Path services = dir.resolve("META-INF/services/com.sun.source.util.Plugin");
        Files.createDirectories(services.getParent());
        Files.writeString(services, EMPTY_LISTENER + "\n");
        return dir;
    }

    /** Runs the command from a shell whose {@code times} reports the finished child's user + system CPU. */
    private static double run(List<String> command, Path log) throws IOException, InterruptedException {
        List<String> shell = new ArrayList<>(List.of("/bin/sh", "-c",
                "\"$0\" \"$@\" > \"" + log + "\" 2>&1; status=$?; times; exit $status"));
        shell.addAll(command);
        Process process = new ProcessBuilder(shell).start();
        String times = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("javac failed, see " + log);
        }
        String[] children = times.strip().split("\n")[1].trim().split("\\s+");
        return seconds(children[0]) + seconds(children[1]);
    }

    /** A {@code times} field such as {@code 0m10.620s}. */
    private static double seconds(String field) {
        int m = field.indexOf('m');
        return Integer.parseInt(field.substring(0, m)) * 60 + Double.parseDouble(field.substring(m + 1, field.length() - 1));
    }

    private static void read(Path recording, Map<String, Double> sums) throws IOException {
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            switch (event.getEventType().getName()) {
                case "jdk.Compilation" -> {
                    RecordedMethod method = event.getValue("method");
                    String key = "JIT ms, " + origin(method.getType().getName() + "." + method.getName())
                            + (event.getInt("compileLevel") == 4 ? ", C2" : ", C1");
                    sums.merge(key, millis(event.getDuration()), Double::sum);
                    sums.merge(key.replace("JIT ms", "compilations"), 1.0, Double::sum);
                }
                case "jdk.Deoptimization" -> sums.merge("deoptimizations", 1.0, Double::sum);
                case "jdk.GarbageCollection" -> sums.merge("GC pauses, ms", millis(event.getDuration("sumOfPauses")), Double::sum);
                default -> { }
            }
        }
    }

    private static String origin(String method) {
        if (method.startsWith("org.allocdiscipline.")) {
            return "the checker";
        }
        if (method.startsWith("com.sun.source.util.")) {
            return "com.sun.source.util";
        }
        if (method.startsWith("com.sun.tools.javac.tree.JCTree$") && method.endsWith(".accept")) {
            return "javac tree accept";
        }
        return method.startsWith("com.sun.tools.javac.") ? "javac, other" : "other";
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
