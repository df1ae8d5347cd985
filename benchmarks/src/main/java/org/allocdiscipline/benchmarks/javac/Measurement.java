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
 */
record Measurement(long wallNanos, long cpuNanos, long processorCpuNanos, long bodies, long files, int findings) {
}
