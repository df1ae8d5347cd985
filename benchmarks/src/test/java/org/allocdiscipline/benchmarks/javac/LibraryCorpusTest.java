package org.allocdiscipline.benchmarks.javac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.processor.AllocDisciplinePlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FFM libraries reach the harness as {@code .corpus} files that {@code benchmarks/ffm-libraries.sh}
 * writes: the harness must compile exactly the folders and class path they name, and a library on
 * which the checker has findings must be measured, its findings counted, in every variant. No network,
 * no timing.
 */
class LibraryCorpusTest {
    @TempDir
    Path dir;

    @Test
    void aCorpusFileNamesItsFoldersAndClassPathRelativeToItself() throws IOException {
        write("src/lib/a/A.java", "package a; class A {}");
        write("src/lib/a/b/B.java", "package a.b; class B {}");
        write("src/lib/module-info.java", "module lib {}");
        write("src/lib/c/C.java", "package c; class C {}");
        write("src/lib/d/D.java", "package d; class D {}");
        write("deps/lib/dep-1.jar", "");
        Path runtime = write("runtime.jar", "");
        Path file = write("lib-1.0.corpus", """
                # org.example:lib:1.0
                sources src/lib/a

                sources  src/lib/d
                sources src/lib
                classpath deps/lib/dep-1.jar
                """);

        Corpus corpus = LibraryCorpus.read(file, List.of(runtime), JavacOverhead.FFM_OPTIONS);

        assertThat(corpus.name()).isEqualTo("lib-1.0");
        // Folders may overlap: each file once, sorted; module-info.java never (the class path has no modules).
        assertThat(corpus.sources()).containsExactly(dir.resolve("src/lib/a/A.java"),
                dir.resolve("src/lib/a/b/B.java"), dir.resolve("src/lib/c/C.java"), dir.resolve("src/lib/d/D.java"));
        assertThat(corpus.classPath()).containsExactly(dir.resolve("deps/lib/dep-1.jar"), runtime);
        assertThat(corpus.options()).containsSubsequence("--release", "25");
        assertThat(corpus.lines()).isEqualTo(4);
    }

    @Test
    void aLineItDoesNotKnowOrAPathThatIsNotThereIsRefused() throws IOException {
        write("src/A.java", "class A {}");
        Path unknown = write("unknown.corpus", "sources src\nmodulepath deps/x.jar\n");
        Path missing = write("missing.corpus", "sources src\nclasspath deps/x.jar\n");
        Path empty = write("empty.corpus", "classpath src/A.java\n");

        assertThatThrownBy(() -> LibraryCorpus.read(unknown, List.of(), JavacOverhead.FFM_OPTIONS))
                .hasMessageContaining("unknown.corpus:2").hasMessageContaining("modulepath");
        assertThatThrownBy(() -> LibraryCorpus.read(missing, List.of(), JavacOverhead.FFM_OPTIONS))
                .hasMessageContaining("x.jar, which does not exist");
        assertThatThrownBy(() -> LibraryCorpus.read(empty, List.of(), JavacOverhead.FFM_OPTIONS))
                .hasMessageContaining("names no source file");
    }

    @Test
    void everyCorpusFileOfTheDirectoryInNameOrder() throws IOException {
        write("src/b/B.java", "class B {}");
        write("src/a/A.java", "class A {}");
        write("b-2.corpus", "sources src/b\n");
        write("a-1.corpus", "sources src/a\n");
        write("notes.txt", "not a corpus");

        assertThat(LibraryCorpus.readAll(dir, List.of(), JavacOverhead.FFM_OPTIONS)).extracting(Corpus::name)
                .containsExactly("a-1", "b-2");
        assertThatThrownBy(() -> LibraryCorpus.readAll(dir.resolve("src"), List.of(), JavacOverhead.FFM_OPTIONS))
                .hasMessageContaining("no *.corpus");
    }

    /**
     * In this JVM the processor's classes, service file and all, are on the class path, so javac starts the
     * plugin by itself in every warm variant (the harness jar leaves the file out). Only the processor
     * variant, for which the plugin stands down, runs warm here; the baseline and the plugin run as fresh
     * javac processes, which fail on a word from the checker without it and on its silence with it.
     */
    @Test
    void aLibraryWithFindingsIsMeasuredWithItsFindingsCountedAndTheBaselineStaysSilent() throws IOException {
        write("dep/src/dep/Sizes.java", "package dep; public final class Sizes { public static final long WORD = 8; }");
        Path depClasses = Files.createDirectories(dir.resolve("deps/lib/dep-classes"));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", depClasses.toString(),
                dir.resolve("dep/src/dep/Sizes.java").toString())).isZero();
        write("src/lib/lib/Names.java", """
                package lib;

                import dep.Sizes;
                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;

                public class Names {
                    public MemorySegment name(String text) {
                        return Arena.ofAuto().allocateFrom(text);
                    }

                    public MemorySegment word() {
                        return Arena.global().allocate(Sizes.WORD);
                    }
                }
                """);
        // It would not compile on the class path: the harness must leave it out.
        write("src/lib/module-info.java", "module lib { requires dep; }");
        Path file = write("lib-1.0.corpus", "sources src/lib\nclasspath deps/lib/dep-classes\n");
        Corpus corpus = LibraryCorpus.read(file, List.of(location(Allocator.class)), JavacOverhead.FFM_OPTIONS);

        Measurement checked = new JavacRunner().compile(corpus, Variant.CHECKER,
                Files.createDirectories(dir.resolve("classes")));
        ColdJavac cold = new ColdJavac();
        for (ColdVariant variant : List.of(ColdVariant.baseline(),
                ColdVariant.plugin("plugin", "checker as plugin", location(AllocDisciplinePlugin.class)))) {
            assertThat(cold.cpuNanos(corpus, variant, dir.resolve("cold").resolve(variant.name()), List.of()))
                    .isPositive();
        }

        assertThat(checked.findings()).isEqualTo(2);
        assertThat(checked.files()).as("files the checker analysed").isEqualTo(1);
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
