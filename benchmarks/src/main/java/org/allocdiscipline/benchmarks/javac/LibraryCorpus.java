package org.allocdiscipline.benchmarks.javac;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A library compiled against its dependencies, as {@code benchmarks/ffm-libraries.sh} describes it in a
 * {@code .corpus} file: lines {@code sources <folder>} (every {@code .java} file under it but
 * {@code module-info.java}: the harness compiles on the class path) and {@code classpath <jar>}, paths
 * relative to the file; {@code #} starts a comment. The corpus is named after the file.
 */
final class LibraryCorpus {
    static final String SUFFIX = ".corpus";

    private LibraryCorpus() {
    }

    /**
     * Every {@code .corpus} file of a directory, sorted by name.
     *
     * @param extraClassPath what goes on every class path after the library's own jars
     */
    static List<Corpus> readAll(Path directory, List<Path> extraClassPath, List<String> options) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no *" + SUFFIX + " in " + directory
                    + " (benchmarks/ffm-libraries.sh writes them)");
        }
        List<Corpus> corpora = new ArrayList<>();
        for (Path file : files) {
            corpora.add(read(file, extraClassPath, options));
        }
        return corpora;
    }

    static Corpus read(Path file, List<Path> extraClassPath, List<String> options) throws IOException {
        Path base = file.toAbsolutePath().getParent();
        List<Path> sources = new ArrayList<>();
        List<Path> classPath = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] keyAndPath = line.split("\\s+", 2);
            if (keyAndPath.length != 2) {
                throw malformed(file, i, line);
            }
            Path path = base.resolve(keyAndPath[1]);
            switch (keyAndPath[0]) {
                case "sources" -> sources.addAll(SourceFiles.javaFiles(existing(file, path)).stream()
                        .filter(p -> !p.getFileName().toString().equals("module-info.java")).toList());
                case "classpath" -> classPath.add(existing(file, path));
                default -> throw malformed(file, i, line);
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(file + " names no source file");
        }
        classPath.addAll(extraClassPath);
        String name = file.getFileName().toString();
        List<Path> sorted = sources.stream().sorted().distinct().toList();
        return new Corpus(name.substring(0, name.length() - SUFFIX.length()), sorted, classPath, options,
                SourceFiles.lines(sorted));
    }

    private static Path existing(Path file, Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(file + " names " + path + ", which does not exist");
        }
        return path;
    }

    private static IllegalArgumentException malformed(Path file, int index, String line) {
        return new IllegalArgumentException(file + ":" + (index + 1) + ": expected `sources <folder>` or"
                + " `classpath <jar>`, got: " + line);
    }
}
