package org.allocdiscipline.benchmarks.javac;

import java.nio.file.Path;
import java.util.List;

/**
 * A set of sources that is compiled as one javac run.
 *
 * @param name short name for the tables
 * @param sources the {@code .java} files
 * @param classPath what the sources need besides the JDK
 * @param options javac options common to every variant
 * @param lines lines of source, to compare sizes
 */
record Corpus(String name, List<Path> sources, List<Path> classPath, List<String> options, long lines) {
    Corpus {
        sources = List.copyOf(sources);
        classPath = List.copyOf(classPath);
        options = List.copyOf(options);
    }
}
