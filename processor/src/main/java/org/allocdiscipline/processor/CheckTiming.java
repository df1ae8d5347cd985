package org.allocdiscipline.processor;

import com.sun.source.tree.CompilationUnitTree;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Sums the CPU time that the processor itself spends (not javac's), and counts the files and code
 * bodies it analysed, for {@code -Aallocdiscipline.timing=true}. Thread CPU time rather than wall
 * time, because on a loaded build machine wall time mostly measures the neighbours.
 */
final class CheckTiming {
    // The platform's bean is one per JVM; finding it costs more than a small compilation's timing.
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final boolean cpuTimeAvailable = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    // The units themselves, by identity: each file has one, javac keeps every unit (through its class
    // environments) until the compilation ends anyway, and a file's URI would cost a path conversion.
    private final Set<CompilationUnitTree> files = Collections.newSetFromMap(new IdentityHashMap<>());
    private long cpuNanos;
    private long bodies;
    private long startedAt = -1;

    /** Marks the start of a stretch of the processor's own work on the current thread. */
    void start() {
        startedAt = cpuTimeAvailable ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** Ends the stretch that {@link #start()} began and adds its CPU time. */
    void stop() {
        if (startedAt >= 0) {
            long now = THREADS.getCurrentThreadCpuTime();
            if (now >= startedAt) {
                cpuNanos += now - startedAt;
            }
            startedAt = -1;
        }
    }

    /**
     * Counts one analysed top-level class.
     *
     * @param unit its compilation unit (a file with two top-level classes counts once)
     * @param bodyCount the code bodies the rules ran on
     */
    void analysed(CompilationUnitTree unit, int bodyCount) {
        files.add(unit);
        bodies += bodyCount;
    }

    /**
     * The note printed at the end of the compilation.
     *
     * @return for example {@code allocdiscipline: analysed 1234 bodies in 56 files, 78.9 ms CPU}
     */
    String summary() {
        long tenths = Math.round(cpuNanos / 1e5);
        String time = cpuTimeAvailable
                ? tenths / 10 + "." + tenths % 10 + " ms CPU"
                : "CPU time not available on this JVM";
        return "allocdiscipline: analysed " + bodies + (bodies == 1 ? " body" : " bodies") + " in " + files.size()
                + (files.size() == 1 ? " file, " : " files, ") + time;
    }
}
