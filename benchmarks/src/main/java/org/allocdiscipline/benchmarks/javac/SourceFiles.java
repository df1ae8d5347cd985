package org.allocdiscipline.benchmarks.javac;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Unpacks sources jars and lists {@code .java} files. */
final class SourceFiles {
    private SourceFiles() {
    }

    /** Replaces {@code target} with the {@code .java} entries of a sources jar; other entries (images, META-INF) are skipped. */
    static List<Path> unpackJavaSources(Path sourcesJar, Path target) throws IOException {
        deleteTree(target);
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(sourcesJar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || !entry.getName().endsWith(".java")) {
                    continue;
                }
                Path file = root.resolve(entry.getName()).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("entry outside the target directory: " + entry.getName());
                }
                Files.createDirectories(file.getParent());
                copy(zip, file);
            }
        }
        return javaFiles(target);
    }

    /** Every {@code .java} file under a directory, sorted, so every run compiles them in the same order. */
    static List<Path> javaFiles(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    static long lines(List<Path> files) {
        long lines = 0;
        for (Path file : files) {
            try (Stream<String> text = Files.lines(file)) {
                lines += text.count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void copy(InputStream in, Path file) throws IOException {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
