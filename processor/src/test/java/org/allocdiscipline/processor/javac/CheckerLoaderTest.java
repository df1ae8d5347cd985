package org.allocdiscipline.processor.javac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.allocdiscipline.processor.testing.Checker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker's classes stay loaded between compilations in one JVM: the loader kept for a jar serves
 * every later compilation that javac gives a new loader for the same jar, a changed jar gets a new one,
 * and code from a directory is never kept. Each test packs the checker's compiled classes into a jar of
 * its own, as a build's processor path holds it.
 */
class CheckerLoaderTest {
    private static Path classes;

    @TempDir
    Path work;

    @BeforeAll
    static void findClassesAfterAFirstCompilation() throws URISyntaxException {
        classes = Path.of(CheckerLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        System.setProperty(CheckerLoader.COMPILED, "true");
    }

    @Test
    void theFirstCompilationInAJvmKeepsNothingAndTheNextOneKeeps() throws IOException {
        Path jar = checkerJar(work.resolve("checker.jar"));
        System.clearProperty(CheckerLoader.COMPILED);
        try (URLClassLoader first = javacLoader(jar); URLClassLoader second = javacLoader(jar)) {
            assertThat(CheckerLoader.kept(first)).isEmpty();
            assertThat(System.getProperty(CheckerLoader.COMPILED)).isEqualTo("true");
            assertThat(CheckerLoader.kept(second)).isPresent();
        } finally {
            System.setProperty(CheckerLoader.COMPILED, "true");
        }
    }

    @Test
    void compilationsOfOneJarShareOneLoaderThatIsNeitherOfJavacs() throws IOException {
        Path jar = checkerJar(work.resolve("checker.jar"));

        try (URLClassLoader first = javacLoader(jar); URLClassLoader second = javacLoader(jar)) {
            Optional<ClassLoader> keptForFirst = CheckerLoader.kept(first);
            Optional<ClassLoader> keptForSecond = CheckerLoader.kept(second);

            assertThat(keptForFirst).isPresent();
            assertThat(keptForSecond).containsSame(keptForFirst.get());
            assertThat(keptForFirst.get()).isNotSameAs(first).isNotSameAs(second)
                    .isNotSameAs(CheckerLoader.class.getClassLoader());
            assertThat(keptForFirst.get().getParent()).isSameAs(first.getParent());
        }
    }

    @Test
    void aJarThatChangedGetsANewLoader() throws IOException {
        Path jar = checkerJar(work.resolve("checker.jar"));
        ClassLoader before;
        try (URLClassLoader javacs = javacLoader(jar)) {
            before = CheckerLoader.kept(javacs).orElseThrow();
        }
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

        try (URLClassLoader javacs = javacLoader(jar); URLClassLoader again = javacLoader(jar)) {
            ClassLoader after = CheckerLoader.kept(javacs).orElseThrow();
            assertThat(after).isNotSameAs(before);
            assertThat(CheckerLoader.kept(again)).containsSame(after);
        }
    }

    @Test
    void anotherParentGetsANewLoader() throws IOException {
        Path jar = checkerJar(work.resolve("checker.jar"));
        try (URLClassLoader platform = javacLoader(jar);
                URLClassLoader other = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                        new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader()))) {
            ClassLoader keptForPlatform = CheckerLoader.kept(platform).orElseThrow();
            ClassLoader keptForOther = CheckerLoader.kept(other).orElseThrow();

            assertThat(keptForOther).isNotSameAs(keptForPlatform);
            assertThat(keptForOther.getParent()).isSameAs(other.getParent());
        }
    }

    @Test
    void aParentThatDoesNotSeeTheCompilersApiKeepsNothing() throws IOException {
        Path jar = checkerJar(work.resolve("checker.jar"));
        // The boot loader's parent: javac's API (module jdk.compiler) is not there.
        try (URLClassLoader javacs = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(CheckerLoader.kept(javacs)).isEmpty();
        }
    }

    @Test
    void codeFromADirectoryIsNeverKept() throws IOException {
        try (URLClassLoader javacs = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertThat(CheckerLoader.kept(javacs)).isEmpty();
        }
    }

    @Test
    void compilationsInOneJvmFindTheLeakWithTheClassesOfOneKeptLoader() throws IOException, InterruptedException {
        Path jar = checkerJar(work.resolve("processor path/checker.jar"));
        Path source = work.resolve("src/warm/Leak.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, String.join("\n",
                "package warm;",
                "import java.lang.foreign.MemorySegment;",
                "import org.allocdiscipline.AllocationException;",
                "import org.allocdiscipline.Allocator;",
                "class Leak {",
                "    static void run(Allocator allocator) throws AllocationException {",
                "        MemorySegment scratch = allocator.alloc(16);",
                "    }",
                "}"));
        Path driver = work.resolve("Compilations.java");
        try (InputStream in = CheckerLoaderTest.class.getResourceAsStream("/kept-loader/Compilations.java")) {
            Files.copy(in, driver);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // A JVM of its own: in this one the checker's classes are on the class path, where javac's loader finds them first.
        Process run = new ProcessBuilder(java.toString(), driver.toString(), jar.toString(),
                Checker.runtimeLocation().toString(), source.toString(), Files.createDirectories(work.resolve("out")).toString())
                .redirectErrorStream(true).start();
        List<String> lines = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(run.waitFor()).as(String.join("\n", lines)).isZero();

        String leak = "finding [owned-not-freed] The owned value from `allocator.alloc(...)` is not freed when the method ends (line 8)";
        List<String> kept = lines.stream().filter(line -> line.startsWith("kept ")).toList();
        assertThat(lines).as(String.join("\n", lines)).filteredOn("compiled true"::equals).hasSize(3);
        // Once per compilation: where processor and plugin both start, one of them checks, also in the
        // compilation that keeps nothing and in the one that makes the kept loader.
        assertThat(lines).as(String.join("\n", lines)).filteredOn(line -> line.startsWith(leak)).hasSize(3);
        // The first compilation in a JVM keeps nothing; the second makes the loader the third uses.
        assertThat(kept).as(String.join("\n", lines)).hasSize(3);
        assertThat(kept.get(0)).isEqualTo("kept []");
        assertThat(kept.get(1)).startsWith("kept [" + CheckerLoader.DOMAIN + "/").doesNotContain(",");
        assertThat(kept.get(2)).isEqualTo(kept.get(1));
        assertThat(lines).contains("platform server holds the checker false");
    }

    /** The checker's classes and resources in a jar, as a processor path holds it. */
    private static Path checkerJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream packed = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                packed.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, packed);
                packed.closeEntry();
            }
        }
        return jar;
    }

    /** A loader such as javac makes for a compilation's processor path. */
    private static URLClassLoader javacLoader(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }
}
