package org.allocdiscipline.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.allocdiscipline.processor.testing.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plugin costs a fresh javac process before it finds anything: on code where no class passes the
 * class screen, it runs only plain code, never a lambda, a method reference or a switch over types, each of
 * which is a class that the process would spin at run time (and whose spinning the JIT then works on).
 * Checked by the classes one real {@code javac} process loads, as {@code -Xlog:class+load} lists them.
 */
class ColdStartTest {
    private static final String SOURCE = """
            package cold;

            import java.util.ArrayList;
            import java.util.List;
            import java.util.function.Supplier;

            public class Plain {
                private final List<String> names = new ArrayList<>();
                private int count;

                public Plain(String first) {
                    names.add(first);
                }

                public int add(String name) {
                    Supplier<String> upper = () -> name.toUpperCase();
                    names.add(upper.get());
                    count = names.size();
                    return switch (count) {
                        case 1 -> 1;
                        default -> count * 2;
                    };
                }

                static final class Nested implements AutoCloseable {
                    @Override
                    public void close() {
                        new Plain("x").add("y");
                    }
                }
            }
            """;

    @Test
    void aCompilationWithoutFindingsSpinsNoClassOfTheChecker(@TempDir Path work) throws Exception {
        Path source = Files.createDirectories(work.resolve("src/cold")).resolve("Plain.java");
        Files.writeString(source, SOURCE);
        Path classLog = work.resolve("classes.log");
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        Process run = new ProcessBuilder(javac.toString(), "-J-Xlog:class+load:file=" + classLog,
                "-d", Files.createDirectories(work.resolve("out")).toString(),
                "-proc:none", "-processorpath", checkerClasses().toString(), "-Xplugin:AllocDiscipline",
                "-cp", Checker.runtimeLocation().toString(), source.toString())
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor()).as(output).isZero();
        // The checker ran to its end: the summary note is its last word.
        assertThat(output).contains("allocdiscipline: 0 findings");

        List<String> checkersClasses = Files.readAllLines(classLog).stream()
                .filter(line -> line.contains(" org.allocdiscipline.processor."))
                .toList();
        assertThat(checkersClasses).as("the checker's classes are logged at all").isNotEmpty();
        assertThat(checkersClasses).as("classes spun for lambdas, method references or type switches")
                .noneMatch(line -> line.contains("$$"));
    }

    /** The checker's compiled classes (with their service files), a processor path as a directory. */
    private static Path checkerClasses() throws URISyntaxException, IOException {
        return Path.of(AllocDisciplinePlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
