package org.allocdiscipline.benchmarks.javac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.allocdiscipline.Allocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic corpus compiles, grows exactly with its scale, and is correct code: the harness
 * would otherwise measure a broken build, and a finding on it is a false positive of a rule.
 * Nothing here is timed.
 */
class SyntheticCorpusTest {
    /** Per class: 26 shape methods, 2 owned factories, Buffer's 3 members, the constructor, 2 lambdas, 2 local run(), 2 anonymous get(), the LOCK initializer. */
    private static final int BODIES_PER_CLASS = 39;

    @TempDir
    Path work;

    @Test
    void scaleOneCompilesWithTheCheckerWithoutFindingsAndItsBodiesAreCounted() throws IOException {
        Measurement m = compile(1);

        assertThat(m.files()).isEqualTo(SyntheticCorpus.CLASSES_PER_SCALE);
        assertThat(m.bodies()).isEqualTo((long) BODIES_PER_CLASS * SyntheticCorpus.CLASSES_PER_SCALE);
        assertThat(m.findings()).as("findings on correct code: a rule's false positive, or a generator bug").isZero();
        assertThat(m.processorCpuNanos()).isNotNegative();
    }

    @Test
    void scaleTwoHasExactlyTwiceTheCode() throws IOException {
        List<Path> one = SyntheticCorpus.generate(work.resolve("one"), 1);
        List<Path> two = SyntheticCorpus.generate(work.resolve("two"), 2);

        assertThat(two).hasSize(2 * one.size());
        // Class names differ in their digits only, so lines match exactly.
        assertThat(SourceFiles.lines(two)).isEqualTo(2 * SourceFiles.lines(one));
    }

    private Measurement compile(int scale) throws IOException {
        List<Path> sources = SyntheticCorpus.generate(work.resolve("src"), scale);
        Corpus corpus = new Corpus("synthetic", sources, List.of(runtimeLocation()), JavacOverhead.SYNTHETIC_OPTIONS,
                SourceFiles.lines(sources));
        Path out = work.resolve("classes");
        java.nio.file.Files.createDirectories(out);
        return new JavacRunner().compile(corpus, Variant.CHECKER, out);
    }

    private static Path runtimeLocation() {
        try {
            return Path.of(Allocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
