package org.allocdiscipline.processor.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import org.allocdiscipline.processor.flow.CfgOptions;
import org.junit.jupiter.api.Test;

/** The ownership analysis across statement forms; expectations are inline as in {@link OwnershipAnalysisTest}. */
class OwnershipConstructsTest {

    private static void check(String source) {
        assertThat(OwnershipHarness.actual(source, CfgOptions.DEFAULT))
                .as("findings of\n%s", source)
                .containsExactlyElementsOf(OwnershipHarness.expected(source));
    }

    @Test
    void tryCatchFinally() {
        check("""
                class T {
                    void catchFrees(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(1);
                        try { io(); } catch (IOException e) { a.free(s); return; }
                        a.free(s);
                    }
                    void catchForgets(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(1); // expect: leak RETURN
                        try { io(); } catch (IOException e) { return; }
                        a.free(s);
                    }
                    void finallyFrees(Allocator a, boolean c) throws AllocationException, IOException {
                        MemorySegment s = a.alloc(1);
                        try {
                            if (c) return;
                            io();
                        } finally {
                            a.free(s);
                        }
                    }
                    void allocatedInsideTry(Allocator a) {
                        try {
                            MemorySegment s = a.alloc(1); // expect: leak END_OF_BODY
                            io();
                            a.free(s);
                        } catch (AllocationException e) {
                        } catch (IOException e) {
                        }
                    }
                    static void io() throws IOException {}
                }
                """);
    }

    @Test
    void tryWithResources() {
        check("""
                @Owned class Connection implements AutoCloseable {
                    void send() {}
                    public void close() throws IOException {}
                }
                class T {
                    void resource() {
                        try (GeneralPurposeAllocator g = new GeneralPurposeAllocator(PageAllocator.INSTANCE)) {
                            MemorySegment s = g.alloc(1);
                            g.free(s);
                        } catch (AllocationException e) {
                        }
                    }
                    void existingVariable() throws AllocationException {
                        GeneralPurposeAllocator g = new GeneralPurposeAllocator(PageAllocator.INSTANCE);
                        try (g) {
                            MemorySegment s = g.alloc(1); // expect: leak EXCEPTION
                            g.alloc(2); // expect: leak DISCARDED
                            g.free(s);
                        }
                    }
                    void closeThatThrowsStillCloses() throws IOException {
                        try (Connection c = new Connection()) {
                            c.send();
                        }
                        Connection d = new Connection();
                        d.close();
                    }
                    void closedTwice() {
                        GeneralPurposeAllocator g = new GeneralPurposeAllocator(PageAllocator.INSTANCE);
                        g.close();
                        g.close(); // expect: double-free
                    }
                }
                """);
    }

    @Test
    void loopsWithBreakAndContinue() {
        check("""
                class T {
                    void breakBeforeFree(Allocator a, int n) throws AllocationException {
                        for (int i = 0; i < n; i++) {
                            MemorySegment s = a.alloc(1); // expect: leak BREAK
                            if (i == 3) break;
                            a.free(s);
                        }
                    }
                    void breakThroughFinallyThatFrees(Allocator a, int n) throws AllocationException {
                        for (int i = 0; i < n; i++) {
                            MemorySegment s = a.alloc(1);
                            try {
                                if (i == 3) break;
                            } finally {
                                a.free(s);
                            }
                        }
                    }
                    void labeledBlockBreak(Allocator a, boolean c) throws AllocationException {
                        block: {
                            MemorySegment s = a.alloc(1); // expect: leak BREAK
                            if (c) break block;
                            a.free(s);
                        }
                    }
                    void continueBeforeFree(Allocator a, int n) throws AllocationException {
                        for (int i = 0; i < n; i++) {
                            MemorySegment s = a.alloc(1); // expect: leak LOOP_ITERATION
                            if (i == 3) continue;
                            a.free(s);
                        }
                    }
                    void labeled(Allocator a, int n) throws AllocationException {
                        outer:
                        for (int i = 0; i < n; i++) {
                            MemorySegment s = a.alloc(1);
                            for (int j = 0; j < n; j++) {
                                if (j == i) {
                                    a.free(s);
                                    continue outer;
                                }
                            }
                            a.free(s);
                        }
                    }
                    void enhancedFor(Allocator a, java.util.List<String> names) throws AllocationException {
                        for (String name : names) {
                            MemorySegment s = a.alloc(name.length());
                            a.free(s);
                        }
                    }
                    void doWhile(Allocator a, int n) throws AllocationException {
                        int i = 0;
                        do {
                            MemorySegment s = a.alloc(i); // expect: leak LOOP_ITERATION
                        } while (++i < n);
                    }
                }
                """);
    }

    @Test
    void previousIterationsValuesStayApartFromTheNewOne() {
        check("""
                class T {
                    void swap(Allocator a, int n) throws AllocationException {
                        MemorySegment prev = a.alloc(1); // expect: leak EXCEPTION
                        for (int i = 0; i < n; i++) {
                            MemorySegment cur = a.alloc(2); // expect: leak EXCEPTION
                            a.free(prev);
                            prev = cur;
                        }
                        a.free(prev);
                    }
                    void swapForgetsTheLast(Allocator a, int n) {
                        MemorySegment prev = make(); // expect: leak END_OF_BODY
                        for (int i = 0; i < n; i++) {
                            MemorySegment cur = make(); // expect: leak END_OF_BODY
                            a.free(prev);
                            prev = cur;
                        }
                    }
                    void keepsTheLastTwo(Allocator a, int n) {
                        MemorySegment first = null;
                        MemorySegment second = null;
                        for (int i = 0; i < n; i++) {
                            second = first;
                            first = make(); // expect: leak OVERWRITTEN
                        }
                        if (first != null) a.free(first);
                        if (second != null) a.free(second);
                    }
                    @Owned static MemorySegment make() { return MemorySegment.NULL; }
                }
                """);
    }

    @Test
    void switchesAndPatterns() {
        check("""
                sealed interface Shape permits Circle, Square {}
                record Circle(double r) implements Shape {}
                record Square(double side) implements Shape {}
                class T {
                    void arrows(Allocator a, Shape shape) throws AllocationException {
                        MemorySegment s = a.alloc(1);
                        switch (shape) {
                            case Circle c when c.r() > 1 -> a.free(s);
                            case Circle c -> a.free(s);
                            case Square q -> a.free(s);
                        }
                    }
                    void forgottenCase(Allocator a, int k) throws AllocationException {
                        MemorySegment s = a.alloc(1); // expect: leak END_OF_BODY
                        switch (k) {
                            case 1: a.free(s); break;
                            case 2: a.free(s); break;
                        }
                    }
                    void fallThrough(Allocator a, int k) throws AllocationException {
                        MemorySegment s = a.alloc(1);
                        switch (k) {
                            case 1:
                                k++;
                            default:
                                a.free(s);
                        }
                    }
                    void bindingsAreAliases(Allocator a, boolean c) throws AllocationException {
                        Object o = a.alloc(1);
                        if (o instanceof MemorySegment segment) {
                            a.free(segment);
                        }
                        Object p = a.alloc(2);
                        switch (p) {
                            case MemorySegment segment -> a.free(segment);
                            default -> a.free((MemorySegment) p);
                        }
                    }
                    void instanceofPattern(Allocator a, Object o) throws AllocationException {
                        MemorySegment s = a.alloc(1);
                        if (o instanceof String text && !text.isEmpty()) {
                            a.free(s);
                            return;
                        }
                        a.free(s);
                    }
                }
                """);
    }

    @Test
    void nestedAndAnonymousClassesAndGenerics() {
        check("""
                class T {
                    interface Maker<X> { @Owned X make() throws AllocationException; }
                    void generic(Maker<MemorySegment> maker, Allocator a) throws AllocationException {
                        MemorySegment s = maker.make(); // expect: leak END_OF_BODY
                    }
                    void anonymous(Allocator a) {
                        Runnable r = new Runnable() {
                            public void run() {
                                try {
                                    MemorySegment s = a.alloc(1);
                                    a.free(s);
                                    MemorySegment t = a.alloc(2); // expect: leak END_OF_BODY
                                } catch (AllocationException e) {
                                }
                            }
                        };
                    }
                    static final class Local {
                        void m(Allocator a) throws AllocationException {
                            a.alloc(1); // expect: leak DISCARDED
                        }
                    }
                    record Pair(MemorySegment first, MemorySegment second) {
                        static Pair of(Allocator a) throws AllocationException {
                            MemorySegment f = a.alloc(1); // expect: leak RETURN
                            return new Pair(f, MemorySegment.NULL);
                        }
                    }
                }
                """);
    }

    @Test
    void ownedConstructorParametersAndFieldStores() {
        check("""
                class Holder implements AutoCloseable {
                    @Owned private MemorySegment segment;
                    private final Allocator allocator;
                    Holder(Allocator allocator, @Owned MemorySegment segment) {
                        this.allocator = allocator;
                        this.segment = segment;
                    }
                    void replace(@Owned MemorySegment next) {
                        allocator.free(segment);
                        segment = next;
                    }
                    public void close() { allocator.free(segment); }
                }
                class T {
                    void handOver(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(1);
                        try (Holder h = new Holder(a, s)) {
                        }
                    }
                }
                """);
    }
}
