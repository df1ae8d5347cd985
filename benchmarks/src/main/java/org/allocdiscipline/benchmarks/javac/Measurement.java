package org.allocdiscipline.benchmarks.javac;

/**
 * One whole javac run.
 *
 * @param wallNanos elapsed time, from creating the file manager to closing it
 * @param cpuNanos CPU time of the compiling thread over the same stretch (javac compiles on the caller's thread)
 * @param processorCpuNanos the checker's own CPU time from its timing note, or -1 without one
 * @param bodies code bodies the checker analysed, or -1
 * @param files files the checker analysed, or -1
 * @param findings diagnostics that start with a rule id in brackets
 * @param allocatedBytes bytes the compiling thread allocated on the heap over the run: unlike its CPU
 *     time, nearly the same from run to run, so a small difference between variants shows
 */
record Measurement(long wallNanos, long cpuNanos, long processorCpuNanos, long bodies, long files, int findings,
        long allocatedBytes) {
}
