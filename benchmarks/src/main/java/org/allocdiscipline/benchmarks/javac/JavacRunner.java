package org.allocdiscipline.benchmarks.javac;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Runs one whole javac compilation in this JVM, on this thread, and measures it. */
final class JavacRunner {
    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    JavacRunner() {
        if (compiler == null) {
            throw new IllegalStateException("no system Java compiler: run this with a JDK, not a JRE");
        }
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM does not measure thread CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /**
     * Compiles a corpus in one variant; the class files go to {@code output}.
     *
     * @throws IllegalStateException if the compilation fails: a benchmark of a broken build measures nothing
     */
    Measurement compile(Corpus corpus, Variant variant, Path output) {
        CompilationDiagnostics diagnostics = new CompilationDiagnostics();
        List<String> options = new ArrayList<>(corpus.options());
        options.addAll(variant.options());
        long allocatedStart = threads.getCurrentThreadAllocatedBytes();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        boolean success;
        // A fresh file manager per run, as a fresh javac process would have: no warm caches of jars.
        try (StandardJavaFileManager files =
                compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, corpus.classPath());
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(corpus.sources());
            JavacTask task = (JavacTask) compiler.getTask(Writer.nullWriter(), files, diagnostics, options, null, units);
            variant.prepare(task);
            success = task.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long wall = System.nanoTime() - wallStart;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedStart;
        if (!success) {
            throw new IllegalStateException(corpus.name() + " does not compile (" + variant.label() + "): "
                    + String.join("\n", diagnostics.errors().subList(0, Math.min(10, diagnostics.errors().size()))));
        }
        if (variant.checks() && diagnostics.processorCpuNanos() < 0) {
            throw new IllegalStateException("the checker printed no timing note on " + corpus.name() + " ("
                    + variant.label() + ")");
        }
        if (!variant.checks() && diagnostics.checkerSpoke()) {
            // E.g. the plugin started by itself from a service file on the class path: the baseline would be wrong.
            throw new IllegalStateException("the checker ran in the " + variant.label() + " variant on "
                    + corpus.name());
        }
        return new Measurement(wall, cpu, diagnostics.processorCpuNanos(), diagnostics.bodies(), diagnostics.files(),
                diagnostics.findings(), allocated);
    }
}
