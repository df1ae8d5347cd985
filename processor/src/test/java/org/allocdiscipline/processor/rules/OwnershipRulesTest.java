package org.allocdiscipline.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.allocdiscipline.processor.testing.Checker;
import org.junit.jupiter.api.Test;

/** How the four ownership rules word and place their findings, and how options reach them. */
class OwnershipRulesTest {
    private static final JavaFileObject PATHS = JavaFileObjects.forSourceLines("paths.Paths",
            "package paths;",                                                               // 1
            "import java.lang.foreign.MemorySegment;",                                      // 2
            "import org.allocdiscipline.*;",                                                // 3
            "class Paths {",                                                                // 4
            "    int early(Allocator a, boolean quick) throws AllocationException {",       // 5
            "        MemorySegment s = a.alloc(8);",                                        // 6
            "        if (quick) {",                                                         // 7
            "            return 0;",                                                        // 8
            "        }",                                                                    // 9
            "        a.free(s);",                                                           // 10
            "        return 1;",                                                            // 11
            "    }",                                                                        // 12
            "    void thrown(Allocator a, java.nio.file.Path p) throws Exception {",        // 13
            "        MemorySegment s = a.alloc(8);",                                        // 14
            "        java.nio.file.Files.size(p);",                                         // 15
            "        a.free(s);",                                                           // 16
            "    }",                                                                        // 17
            "    void overwritten(Allocator a) throws AllocationException {",               // 18
            "        MemorySegment s = a.alloc(8);",                                        // 19
            "        s = a.alloc(16);",                                                     // 20
            "        a.free(s);",                                                           // 21
            "    }",                                                                        // 22
            "    void discarded(Allocator a) throws AllocationException {",                 // 23
            "        a.alloc(8);",                                                          // 24
            "    }",                                                                        // 25
            "    void loop(Allocator a, int n) throws AllocationException {",               // 26
            "        for (int i = 0; i < n; i++) {",                                        // 27
            "            MemorySegment s = a.alloc(8);",                                    // 28
            "            if (i == 3) {",                                                    // 29
            "                break;",                                                       // 30
            "            }",                                                                // 31
            "            a.free(s);",                                                       // 32
            "        }",                                                                    // 33
            "    }",                                                                        // 34
            "    void twice(Allocator a) throws AllocationException {",                     // 35
            "        MemorySegment s = a.alloc(8);",                                        // 36
            "        a.free(s);",                                                           // 37
            "        a.free(s);",                                                           // 38
            "    }",                                                                        // 39
            "    long after(Allocator a) throws AllocationException {",                     // 40
            "        MemorySegment s = a.alloc(8);",                                        // 41
            "        a.free(s);",                                                           // 42
            "        return s.byteSize();",                                                 // 43
            "    }",                                                                        // 44
            "    void mix(Allocator b) throws AllocationException {",                       // 45
            "        try (GeneralPurposeAllocator one = new GeneralPurposeAllocator(b);",   // 46
            "             GeneralPurposeAllocator two = new GeneralPurposeAllocator(b)) {", // 47
            "            MemorySegment s = one.alloc(8);",                                  // 48
            "            two.free(s);",                                                     // 49
            "        }",                                                                    // 50
            "    }",                                                                        // 51
            "}");

    private static String on(Compilation compilation, long line) {
        List<Diagnostic<? extends JavaFileObject>> found = Checker.findings(compilation).stream()
                .filter(d -> d.getLineNumber() == line).toList();
        assertThat(found).as("findings on line %d\n%s", line, Checker.dump(compilation)).hasSize(1);
        return found.get(0).getMessage(Locale.ROOT) + " @" + found.get(0).getColumnNumber();
    }

    @Test
    void eachFindingNamesItsPathAndEndsWithAFix() {
        Compilation compilation = Checker.compile(List.of(PATHS));
        assertThat(Checker.findings(compilation)).hasSize(8);
        assertThat(on(compilation, 6)).startsWith("[owned-not-freed] The owned value from `a.alloc(...)` is not freed"
                + " on the path through the `return` on line 8.").contains(" Fix: ").endsWith("@34");
        assertThat(on(compilation, 14)).contains("is not freed when IOException is thrown by `Files.size(...)` on line"
                + " 15.");
        assertThat(on(compilation, 19)).contains("is lost when its variable is overwritten on line 20.");
        assertThat(on(compilation, 24)).contains("is discarded: the result is never stored.");
        assertThat(on(compilation, 28)).contains("through the `break` on line 30.");
        assertThat(on(compilation, 38)).startsWith("[double-free] `a.free(...)` releases the value from `a.alloc(...)`"
                + " (line 36)").contains(" Fix: ").endsWith("@15");
        assertThat(on(compilation, 43)).startsWith("[use-after-free] `s` is used after the value from `a.alloc(...)`"
                + " (line 41) was released on every path to here.").endsWith("@16");
        assertThat(on(compilation, 49)).startsWith("[wrong-allocator] `two.free(...)` frees the value from"
                + " `one.alloc(...)` (line 48)").endsWith("@21");
    }

    @Test
    void disabledOwnershipRulesReportNothingAndTheOthersStillRun() {
        Compilation compilation = Checker.compile(List.of(PATHS),
                "-Aallocdiscipline.disable=owned-not-freed,wrong-allocator");
        assertThat(Checker.findings(compilation)).extracting(d -> d.getMessage(Locale.ROOT).replaceAll("\\] .*", "]"))
                .containsExactly("[double-free]", "[use-after-free]");
    }

    @Test
    void uncheckedExceptionsOptionReachesTheControlFlow() {
        JavaFileObject source = JavaFileObjects.forSourceLines("unchecked.Lib",
                "package unchecked;",
                "import java.lang.foreign.MemorySegment;",
                "import org.allocdiscipline.*;",
                "class Lib {",
                "    void m(Allocator a) throws AllocationException {",
                "        MemorySegment s = a.alloc(8);",
                "        System.out.println(s);",
                "        a.free(s);",
                "    }",
                "}");
        assertThat(Checker.findings(Checker.compile(List.of(source)))).isEmpty();
        List<Diagnostic<? extends JavaFileObject>> unchecked = Checker.findings(
                Checker.compile(List.of(source), "-Aallocdiscipline.uncheckedExceptions=true"));
        assertThat(unchecked).hasSize(1);
        assertThat(unchecked.get(0).getMessage(Locale.ROOT))
                .contains("is not freed when RuntimeException is thrown by `out.println(...)` on line 7");
    }

    @Test
    void findingsAboutAFieldNameTheFieldAndHelpersOfCloseCount() {
        JavaFileObject source = JavaFileObjects.forSourceLines("fields.Helped",
                "package fields;",                                                  // 1
                "import java.lang.foreign.MemorySegment;",                          // 2
                "import org.allocdiscipline.*;",                                    // 3
                "final class Helped implements AutoCloseable {",                    // 4
                "    private Allocator a;",                                         // 5
                "    @Owned private MemorySegment buffer;",                         // 6
                "    @Owned private MemorySegment scratch;",                        // 7
                "    public void close() {",                                        // 8
                "        release();",                                               // 9
                "        buffer.fill((byte) 0);",                                   // 10
                "        release();",                                               // 11
                "        a.free(scratch);",                                         // 12
                "    }",                                                            // 13
                "    private void release() { a.free(buffer); }",                   // 14
                "}");
        Compilation compilation = Checker.compile(List.of(source));
        assertThat(Checker.findings(compilation)).hasSize(2);
        assertThat(on(compilation, 10)).startsWith("[use-after-free] `buffer` is used after the @Owned field `buffer`"
                + " (line 6) was released on every path to here.").endsWith("@9");
        assertThat(on(compilation, 11)).startsWith("[double-free] `release(...)` releases the @Owned field `buffer`"
                + " (line 6), which may already have been released on the way here.").endsWith("@16");
    }

    @Test
    void aUseAfterItsRegionClosedNamesTheRegion() {
        JavaFileObject source = JavaFileObjects.forSourceLines("regions.Dangling",
                "package regions;",                                                          // 1
                "import java.lang.foreign.MemorySegment;",                                   // 2
                "import org.allocdiscipline.*;",                                             // 3
                "class Dangling {",                                                          // 4
                "    long size(Allocator a) throws AllocationException {",                   // 5
                "        MemorySegment s;",                                                  // 6
                "        try (ArenaAllocator arena = new ArenaAllocator(a)) {",              // 7
                "            s = arena.alloc(8);",                                           // 8
                "        }",                                                                 // 9
                "        return s.byteSize();",                                              // 10
                "    }",                                                                     // 11
                "}");
        Compilation compilation = Checker.compile(List.of(source));
        assertThat(Checker.findings(compilation)).hasSize(1);
        assertThat(on(compilation, 10)).startsWith("[use-after-free] `s` is used, but its value from `arena.alloc(...)`"
                + " (line 8) belongs to the region `new ArenaAllocator(...)` (line 7), which was closed on every path"
                + " to here.").contains("Fix: Use the value before the region is closed").endsWith("@16");
    }

    @Test
    void aFieldThatCloseDoesNotReleaseIsReportedAtItsDeclaration() {
        JavaFileObject source = JavaFileObjects.forSourceLines("fields.Holder",
                "package fields;",
                "import java.lang.foreign.MemorySegment;",
                "import org.allocdiscipline.*;",
                "final class Holder implements AutoCloseable {",
                "    private Allocator a;",
                "    @Owned private MemorySegment kept;",
                "    @Owned private MemorySegment lost;",
                "    public void close() { a.free(kept); }",
                "    static final class NoClose {",
                "        @Owned MemorySegment orphan;",
                "    }",
                "}");
        Compilation compilation = Checker.compile(List.of(source));
        assertThat(Checker.findings(compilation)).hasSize(2);
        assertThat(on(compilation, 7)).startsWith("[owned-not-freed] The @Owned field `lost` is not freed when close()"
                + " ends (line 8).");
        assertThat(on(compilation, 10)).startsWith("[owned-not-freed] The @Owned field `orphan` of fields.Holder.NoClose"
                + " is never released: the class has no close() method.");
    }
}
