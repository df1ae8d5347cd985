package org.allocdiscipline.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.allocdiscipline.processor.testing.Checker;
import org.junit.jupiter.api.Test;

/** {@code -Aallocdiscipline.timing=true}: one note with the processor's CPU time and what it analysed. */
class TimingNoteTest {
    private static final Pattern NOTE =
            Pattern.compile("allocdiscipline: analysed (\\d+) bod(?:y|ies) in (\\d+) files?, (\\d+\\.\\d) ms CPU");

    /**
     * Seven bodies: two field initializers, a static block, a constructor, a method, its lambda, an
     * anonymous run(). The arena field, which owns nothing, makes the class one the rules look at.
     */
    private static final JavaFileObject SEVEN_BODIES = JavaFileObjects.forSourceLines("timing.Bodies",
            "package timing;",
            "import java.util.function.Supplier;",
            "class Bodies {",
            "    java.lang.foreign.Arena borrowed;",
            "    static int counter = 1;",
            "    int field = counter + 1;",
            "    static { counter++; }",
            "    Bodies() { }",
            "    int method(int x) {",
            "        Supplier<Integer> s = () -> x;",
            "        Runnable r = new Runnable() { public void run() { counter--; } };",
            "        return s.get();",
            "    }",
            "    abstract static class NoBody { abstract void none(); }",
            "}");

    /**
     * Two top-level classes in one file, three bodies, none of which the rules look at (nothing owned,
     * no allocator or arena named): the file counts, its bodies do not.
     */
    private static final JavaFileObject TWO_CLASSES = JavaFileObjects.forSourceLines("timing.Two",
            "package timing;",
            "class Two { void a() { } }",
            "class Second { void b() { Runnable r = () -> { }; r.run(); } }");

    private static final JavaFileObject PACKAGE_INFO = JavaFileObjects.forSourceLines("timing.package-info",
            "/** Not a class: no body, and not an analysed file. */",
            "package timing;");

    @Test
    void noteCountsExactlyTheBodiesAndFilesAndGivesANonNegativeCpuTime() {
        Compilation compilation = Checker.compile(List.of(SEVEN_BODIES, TWO_CLASSES, PACKAGE_INFO),
                "-Aallocdiscipline.timing=true");

        assertThat(compilation.status()).as(Checker.dump(compilation)).isEqualTo(Compilation.Status.SUCCESS);
        List<String> timingNotes = Checker.notes(compilation).stream().filter(n -> n.contains(" analysed ")).toList();
        assertThat(timingNotes).as(Checker.dump(compilation)).hasSize(1);
        Matcher matcher = NOTE.matcher(timingNotes.get(0));
        assertThat(matcher.matches()).as(timingNotes.get(0)).isTrue();
        assertThat(matcher.group(1)).isEqualTo("7");
        assertThat(matcher.group(2)).isEqualTo("2");
        assertThat(Double.parseDouble(matcher.group(3))).isGreaterThanOrEqualTo(0.0);
        // The summary of findings still comes, before the timing note.
        assertThat(Checker.notes(compilation)).containsSubsequence("allocdiscipline: 0 findings (0 new)",
                timingNotes.get(0));
    }

    @Test
    void singularsForOneBodyInOneFile() {
        Compilation compilation = Checker.compile(List.of(JavaFileObjects.forSourceLines("timing.One",
                "package timing;", "class One { java.lang.foreign.Arena only() { return null; } }")),
                "-Aallocdiscipline.timing");

        assertThat(Checker.notes(compilation)).anyMatch(n -> n.startsWith("allocdiscipline: analysed 1 body in 1 file, "));
    }

    @Test
    void noNoteByDefaultOrWhenFalse() {
        for (String[] options : List.of(new String[0], new String[] {"-Aallocdiscipline.timing=false"})) {
            Compilation compilation = Checker.compile(List.of(TWO_CLASSES), options);
            assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
            assertThat(Checker.notes(compilation)).noneMatch(n -> n.contains(" analysed "));
        }
    }

    @Test
    void aValueOtherThanTrueOrFalseIsAnError() {
        Compilation compilation = Checker.compile(List.of(TWO_CLASSES), "-Aallocdiscipline.timing=yes");

        assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
        assertThat(compilation.errors()).extracting(d -> d.getMessage(java.util.Locale.ROOT))
                .anyMatch(m -> m.contains("-Aallocdiscipline.timing=yes is not a boolean; use true or false"));
    }
}
