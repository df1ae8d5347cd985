package org.allocdiscipline.benchmarks.javac;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs one whole compilation as the command line does: a fresh {@code javac} process of the JDK that
 * runs the harness. Its CPU time (user + system, of the process and everything it waited for) comes
 * from the shell's {@code times}, which reads the kernel's accounting of the finished child.
 */
final class ColdJavac {
    /** The second line of {@code times}: the children's user and system time, such as {@code 0m10.620s 0m0.390s}. */
    private static final Pattern CHILD_TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");
    private static final String CHECKER_NOTE = "allocdiscipline:";

    private final Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");

    ColdJavac() {
        if (!Files.isExecutable(javac)) {
            throw new IllegalStateException("no javac at " + javac + ": run this with a JDK, not a JRE");
        }
    }

    /**
     * Compiles a corpus in one variant into {@code output} and returns the process's CPU time.
     *
     * @param jvmOptions options for javac's JVM ({@code -J...}), such as class-loading logging
     * @throws IllegalStateException if the compilation fails, or the checker is silent with the plugin
     *     or speaks without it
     */
    long cpuNanos(Corpus corpus, ColdVariant variant, Path output, List<String> jvmOptions) throws IOException {
        Files.createDirectories(output);
        Path argumentFile = output.resolveSibling(output.getFileName() + ".args");
        List<String> arguments = new ArrayList<>(corpus.options());
        arguments.addAll(variant.arguments());
        arguments.addAll(List.of("-cp", corpus.classPath().stream().map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator)), "-d", output.toString()));
        corpus.sources().forEach(source -> arguments.add(source.toString()));
        Files.write(argumentFile, arguments.stream().map(ColdJavac::quoted).toList(), StandardCharsets.UTF_8);
        Path log = output.resolveSibling(output.getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                "\"$0\" \"$@\" > \"" + log + "\" 2>&1; status=$?; times; exit $status", javac.toString()));
        command.addAll(jvmOptions);
        command.add("@" + argumentFile);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String times = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = waitFor(process);
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        if (status != 0) {
            throw new IllegalStateException(corpus.name() + " does not compile (" + variant.label() + "):\n" + printed);
        }
        if (variant.checks() != printed.contains(CHECKER_NOTE)) {
            throw new IllegalStateException("the checker " + (variant.checks() ? "did not run" : "ran")
                    + " in the " + variant.label() + " variant on " + corpus.name() + ":\n" + printed);
        }
        return childCpuNanos(times);
    }

    static long childCpuNanos(String times) {
        String[] lines = times.strip().split("\n");
        Matcher m = CHILD_TIMES.matcher(lines[lines.length - 1]);
        if (lines.length != 2 || !m.find()) {
            throw new IllegalStateException("unexpected output of times: " + times);
        }
        double seconds = 60 * Long.parseLong(m.group(1)) + Double.parseDouble(m.group(2))
                + 60 * Long.parseLong(m.group(3)) + Double.parseDouble(m.group(4));
        return Math.round(seconds * 1e9);
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IllegalStateException("interrupted while javac ran", e);
        }
    }

    /** One argument of an argument file, quoted so that spaces in paths survive. */
    private static String quoted(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
