package org.allocdiscipline.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.allocdiscipline.processor.testing.Checker;
import org.allocdiscipline.processor.testing.MarkedSource;
import org.junit.jupiter.api.Test;

/** How the four ownership rules word and place their findings, and how options reach them. */
class OwnershipRulesTest {
    private static final MarkedSource PATHS = MarkedSource.of("paths.Paths",
            "package paths;",
            "import java.lang.foreign.MemorySegment;",
            "import org.allocdiscipline.*;",
            "class Paths {",
            "    int early(Allocator a, boolean quick) throws AllocationException {",
            "        MemorySegment s = a.alloc(8); // @early",
            "        if (quick) {",
            "            return 0; // @early-return",
            "        }",
            "        a.free(s);",
            "        return 1;",
            "    }",
            "    void thrown(Allocator a, java.nio.file.Path p) throws Exception {",
            "        MemorySegment s = a.alloc(8); // @thrown",
            "        java.nio.file.Files.size(p); // @thrown-by",
            "        a.free(s);",
            "    }",
            "    void overwritten(Allocator a) throws AllocationException {",
            "        MemorySegment s = a.alloc(8); // @overwritten",
            "        s = a.alloc(16); // @overwrites",
            "        a.free(s);",
            "    }",
            "    void discarded(Allocator a) throws AllocationException {",
            "        a.alloc(8); // @discarded",
            "    }",
            "    void loop(Allocator a, int n) throws AllocationException {",
            "        for (int i = 0; i < n; i++) {",
            "            MemorySegment s = a.alloc(8); // @loop",
            "            if (i == 3) {",
            "                break; // @break",
            "            }",
            "            a.free(s);",
            "        }",
            "    }",
            "    void twice(Allocator a) throws AllocationException {",
            "        MemorySegment s = a.alloc(8); // @twice",
            "        a.free(s);",
            "        a.free(s); // @second-free",
            "    }",
            "    long after(Allocator a) throws AllocationException {",
            "        MemorySegment s = a.alloc(8); // @after",
            "        a.free(s);",
            "        return s.byteSize(); // @use-after",
            "    }",
            "    void mix(Allocator b) throws AllocationException {",
            "        try (GeneralPurposeAllocator one = new GeneralPurposeAllocator(b);",
            "             GeneralPurposeAllocator two = new GeneralPurposeAllocator(b)) {",
            "            MemorySegment s = one.alloc(8); // @mixed",
            "            two.free(s); // @wrong-free",
            "        }",
            "    }",
            "}");

    private static String on(Compilation compilation, long line) {
        List<Diagnostic<? extends JavaFileObject>> found = Checker.findings(compilation).stream()
                .filter(d -> d.getLineNumber() == line).toList();
        assertThat(found).as("findings on line %d\n%s", line, Checker.dump(compilation)).hasSize(1);
        return found.get(0).getMessage(Locale.ROOT) + " @" + found.get(0).getColumnNumber();
    }

    @Test
    void eachFindingNamesItsPathAndEndsWithAFix() {
        Compilation compilation = Checker.compile(List.of(PATHS.file()));
        assertThat(Checker.findings(compilation)).hasSize(8);
        assertThat(on(compilation, PATHS.line("early"))).startsWith("[owned-not-freed] The owned value from"
                + " `a.alloc(...)` is not freed on the path through the `return` on line " + PATHS.line("early-return")
                + ".").contains(" Fix: ").endsWith("@34");
        assertThat(on(compilation, PATHS.line("thrown"))).contains("is not freed when IOException is thrown by"
                + " `Files.size(...)` on line " + PATHS.line("thrown-by") + ".");
        assertThat(on(compilation, PATHS.line("overwritten"))).contains("is lost when its variable is overwritten on"
                + " line " + PATHS.line("overwrites") + ".");
        assertThat(on(compilation, PATHS.line("discarded"))).contains("is discarded: the result is never stored.");
        assertThat(on(compilation, PATHS.line("loop"))).contains("through the `break` on line " + PATHS.line("break")
                + ".");
        assertThat(on(compilation, PATHS.line("second-free"))).startsWith("[double-free] `a.free(...)` releases the"
                + " value from `a.alloc(...)` (line " + PATHS.line("twice") + ")").contains(" Fix: ").endsWith("@15");
        assertThat(on(compilation, PATHS.line("use-after"))).startsWith("[use-after-free] `s` is used after the value"
                + " from `a.alloc(...)` (line " + PATHS.line("after") + ") was released on every path to here.")
                .endsWith("@16");
        assertThat(on(compilation, PATHS.line("wrong-free"))).startsWith("[wrong-allocator] `two.free(...)` frees the"
                + " value from `one.alloc(...)` (line " + PATHS.line("mixed") + ")").endsWith("@21");
    }

    @Test
    void disabledOwnershipRulesReportNothingAndTheOthersStillRun() {
        Compilation compilation = Checker.compile(List.of(PATHS.file()),
                "-Aallocdiscipline.disable=owned-not-freed,wrong-allocator");
        assertThat(Checker.findings(compilation)).extracting(d -> d.getMessage(Locale.ROOT).replaceAll("\\] .*", "]"))
                .containsExactly("[double-free]", "[use-after-free]");
    }

    @Test
    void uncheckedExceptionsOptionReachesTheControlFlow() {
        MarkedSource source = MarkedSource.of("unchecked.Lib",
                "package unchecked;",
                "import java.lang.foreign.MemorySegment;",
                "import org.allocdiscipline.*;",
                "class Lib {",
                "    void m(Allocator a) throws AllocationException {",
                "        MemorySegment s = a.alloc(8);",
                "        System.out.println(s); // @println",
                "        a.free(s);",
                "    }",
                "}");
        assertThat(Checker.findings(Checker.compile(List.of(source.file())))).isEmpty();
        List<Diagnostic<? extends JavaFileObject>> unchecked = Checker.findings(
                Checker.compile(List.of(source.file()), "-Aallocdiscipline.uncheckedExceptions=true"));
        assertThat(unchecked).hasSize(1);
        assertThat(unchecked.get(0).getMessage(Locale.ROOT)).contains("is not freed when RuntimeException is thrown by"
                + " `out.println(...)` on line " + source.line("println"));
    }

    @Test
    void findingsAboutAFieldNameTheFieldAndHelpersOfCloseCount() {
        MarkedSource source = MarkedSource.of("fields.Helped",
                "package fields;",
                "import java.lang.foreign.MemorySegment;",
                "import org.allocdiscipline.*;",
                "final class Helped implements AutoCloseable {",
                "    private Allocator a;",
                "    @Owned private MemorySegment buffer; // @buffer",
                "    @Owned private MemorySegment scratch;",
                "    public void close() {",
                "        release();",
                "        buffer.fill((byte) 0); // @used",
                "        release(); // @released-again",
                "        a.free(scratch);",
                "    }",
                "    private void release() { a.free(buffer); }",
                "}");
        Compilation compilation = Checker.compile(List.of(source.file()));
        assertThat(Checker.findings(compilation)).hasSize(2);
        assertThat(on(compilation, source.line("used"))).startsWith("[use-after-free] `buffer` is used after the @Owned"
                + " field `buffer` (line " + source.line("buffer") + ") was released on every path to here.")
                .endsWith("@9");
        assertThat(on(compilation, source.line("released-again"))).startsWith("[double-free] `release(...)` releases"
                + " the @Owned field `buffer` (line " + source.line("buffer") + "), which may already have been released"
                + " on the way here.").endsWith("@16");
    }

    @Test
    void aFieldFreedOnlyThroughHelpersCalledOnThisStillDangles() {
        MarkedSource source = MarkedSource.of("fields.Helpers",
                "package fields;",
                "import java.lang.foreign.MemorySegment;",
                "import org.allocdiscipline.*;",
                "final class Helpers implements AutoCloseable {",
                "    private final Allocator allocator;",
                "    @Owned private MemorySegment storage;",
                "    Helpers(Allocator allocator) throws AllocationException {",
                "        this.allocator = allocator;",
                "        this.storage = allocator.alloc(16);",
                "    }",
                "    private void drop() {",
                "        allocator.free(storage); // @drop",
                "    }",
                "    private void refill(long size) throws AllocationException {",
                "        storage = allocator.alloc(size);",
                "    }",
                "    void resize(long size) throws AllocationException {",
                "        drop();",
                "        refill(size); // @unqualified",
                "    }",
                "    void resizeThis(long size) throws AllocationException {",
                "        this.drop();",
                "        this.refill(size); // @qualified",
                "    }",
                "    @Override",
                "    public void close() {",
                "        allocator.free(storage);",
                "    }",
                "}");
        Compilation compilation = Checker.compile(List.of(source.file()));
        assertThat(Checker.findings(compilation)).hasSize(3);
        assertThat(on(compilation, source.line("drop"))).startsWith("[double-free] `drop()` frees `storage` and may return");
        assertThat(on(compilation, source.line("unqualified"))).startsWith("[double-free] `storage` still holds the memory"
                + " freed on line " + (source.line("unqualified") - 1) + " when `refill(...)` throws");
        assertThat(on(compilation, source.line("qualified"))).startsWith("[double-free] `storage` still holds the memory"
                + " freed on line " + (source.line("qualified") - 1) + " when `this.refill(...)` throws");
    }

    @Test
    void aUseAfterItsRegionClosedNamesTheRegion() {
        MarkedSource source = MarkedSource.of("regions.Dangling",
                "package regions;",
                "import java.lang.foreign.MemorySegment;",
                "import org.allocdiscipline.*;",
                "class Dangling {",
                "    long size(Allocator a) throws AllocationException {",
                "        MemorySegment s;",
                "        try (ArenaAllocator arena = new ArenaAllocator(a)) { // @region",
                "            s = arena.alloc(8); // @in-region",
                "        }",
                "        return s.byteSize(); // @dangling",
                "    }",
                "}");
        Compilation compilation = Checker.compile(List.of(source.file()));
        assertThat(Checker.findings(compilation)).hasSize(1);
        assertThat(on(compilation, source.line("dangling"))).startsWith("[use-after-free] `s` is used, but its value"
                + " from `arena.alloc(...)` (line " + source.line("in-region") + ") belongs to the region"
                + " `new ArenaAllocator(...)` (line " + source.line("region") + "), which was closed on every path"
                + " to here.").contains("Fix: Use the value before the region is closed").endsWith("@16");
    }

    @Test
    void aFieldThatCloseDoesNotReleaseIsReportedAtItsDeclaration() {
        MarkedSource source = MarkedSource.of("fields.Holder",
                "package fields;",
                "import java.lang.foreign.MemorySegment;",
                "import org.allocdiscipline.*;",
                "final class Holder implements AutoCloseable {",
                "    private Allocator a;",
                "    @Owned private MemorySegment kept;",
                "    @Owned private MemorySegment lost; // @lost",
                "    public void close() { a.free(kept); } // @close",
                "    static final class NoClose {",
                "        @Owned MemorySegment orphan; // @orphan",
                "    }",
                "}");
        Compilation compilation = Checker.compile(List.of(source.file()));
        assertThat(Checker.findings(compilation)).hasSize(2);
        assertThat(on(compilation, source.line("lost"))).startsWith("[owned-not-freed] The @Owned field `lost` is not"
                + " freed when close() ends (line " + source.line("close") + ").");
        assertThat(on(compilation, source.line("orphan"))).startsWith("[owned-not-freed] The @Owned field `orphan` of fields.Holder.NoClose"
                + " is never released: the class has no close() method.");
    }
}
