package org.allocdiscipline.processor.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import org.allocdiscipline.processor.flow.CfgOptions;
import org.junit.jupiter.api.Test;

/**
 * Each source carries its expected findings inline ({@code // expect: leak RETURN}); a line
 * without a comment must have no finding.
 */
class OwnershipAnalysisTest {

    private static void check(String source) {
        check(source, CfgOptions.DEFAULT);
    }

    private static void check(String source, CfgOptions options) {
        assertThat(OwnershipHarness.actual(source, options))
                .as("findings of\n%s", source)
                .containsExactlyElementsOf(OwnershipHarness.expected(source));
    }

    @Test
    void freedOnEveryPathIsClean() {
        check("""
                class T {
                    void m(Allocator a) throws AllocationException, IOException {
                        MemorySegment s = a.alloc(10);
                        try { io(); } finally { a.free(s); }
                    }
                    static void io() throws IOException {}
                }
                """);
    }

    @Test
    void leaksNameTheirPath() {
        check("""
                class T {
                    void end(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(10); // expect: leak END_OF_BODY
                    }
                    void early(Allocator a, boolean c) throws AllocationException {
                        MemorySegment s = a.alloc(10); // expect: leak RETURN
                        if (c) return;
                        a.free(s);
                    }
                    void thrown(Allocator a) throws AllocationException, IOException {
                        MemorySegment s = a.alloc(10); // expect: leak EXCEPTION
                        io();
                        a.free(s);
                    }
                    void explicitThrow(Allocator a, boolean c) throws AllocationException {
                        MemorySegment s = a.alloc(10); // expect: leak EXCEPTION
                        if (c) throw new IllegalStateException();
                        a.free(s);
                    }
                    MemorySegment notOwnedResult(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(10); // expect: leak RETURNED_UNOWNED
                        return s;
                    }
                    static void io() throws IOException {}
                }
                """);
    }

    @Test
    void discardedDroppedAndOverwritten() {
        check("""
                class T {
                    void discarded(Allocator a) throws AllocationException {
                        a.alloc(10); // expect: leak DISCARDED
                    }
                    void dropped(Allocator a) throws AllocationException {
                        lend(a.alloc(10)); // expect: leak DROPPED
                    }
                    void overwritten(Allocator a) {
                        MemorySegment s = make(); // expect: leak OVERWRITTEN
                        s = make();
                        a.free(s);
                    }
                    void copiedFirst(Allocator a) {
                        MemorySegment s = make();
                        MemorySegment keep = s;
                        s = make();
                        a.free(s);
                        a.free(keep);
                    }
                    void theMostSpecificPathIsNamed(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(1); // expect: leak OVERWRITTEN
                        s = a.alloc(2);
                        a.free(s);
                    }
                    @Owned static MemorySegment make() { return MemorySegment.NULL; }
                    static void lend(MemorySegment s) {}
                }
                """);
    }

    @Test
    void loopIterations() {
        check("""
                class T {
                    void leaks(Allocator a, int n) throws AllocationException {
                        for (int i = 0; i < n; i++) {
                            MemorySegment s = a.alloc(1); // expect: leak LOOP_ITERATION
                        }
                    }
                    void frees(Allocator a, int n) throws AllocationException {
                        for (int i = 0; i < n; i++) {
                            MemorySegment s = a.alloc(1);
                            a.free(s);
                        }
                    }
                    void outerVariable(Allocator a, boolean c) throws AllocationException {
                        MemorySegment s = null;
                        while (c) {
                            s = a.alloc(1); // expect: leak OVERWRITTEN
                        }
                        if (s != null) a.free(s);
                    }
                }
                """);
    }

    @Test
    void doubleFreeAndUseAfterFree() {
        check("""
                class T {
                    void twice(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(1);
                        a.free(s);
                        a.free(s); // expect: double-free
                    }
                    void maybeTwice(Allocator a, boolean c) throws AllocationException {
                        MemorySegment s = a.alloc(1);
                        if (c) a.free(s);
                        a.free(s); // expect: double-free
                    }
                    long used(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(1);
                        a.free(s);
                        return s.byteSize(); // expect: use-after-free
                    }
                    long usedWhereStillOwned(Allocator a, boolean c) throws AllocationException {
                        MemorySegment s = a.alloc(1);
                        if (c) {
                            a.free(s);
                            return 0;
                        }
                        long size = s.byteSize();
                        a.free(s);
                        return size;
                    }
                    void freeOfAConditionalIsOneRelease(Allocator a, boolean c) throws AllocationException {
                        MemorySegment s = a.alloc(1); // expect: leak EXCEPTION
                        MemorySegment t = a.alloc(1);
                        a.free(c ? s : t);
                        a.free(s); // expect: double-free
                    }
                }
                """);
    }

    @Test
    void ownershipPassesOnlyWhenTheCallReturnsNormally() {
        check("""
                class T {
                    void grow(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(1); // expect: leak EXCEPTION
                        s = a.realloc(s, 2);
                        a.free(s);
                    }
                    void growSafely(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(1);
                        try {
                            MemorySegment t = a.realloc(s, 2);
                            a.free(t);
                        } catch (AllocationException e) {
                            a.free(s);
                            throw e;
                        }
                    }
                }
                """);
    }

    @Test
    void aliasesThroughCastsParenthesesConditionalsAndSwitches() {
        check("""
                class T {
                    void aliases(Allocator a, boolean c, int k) throws AllocationException {
                        Object o = (Object) (a.alloc(1));
                        a.free((MemorySegment) o);
                        MemorySegment z = c ? a.alloc(1) : (a.alloc(2));
                        a.free(z);
                        MemorySegment w = switch (k) {
                            case 1 -> a.alloc(3);
                            default -> { yield a.alloc(4); }
                        };
                        a.free(w);
                    }
                }
                """);
    }

    @Test
    void nullGuards() {
        check("""
                class T {
                    @Owned static MemorySegment maybe() { return null; }
                    void guarded() {
                        MemorySegment s = maybe();
                        if (s == null) return;
                        use(s);
                        PageAllocator.INSTANCE.free(s);
                    }
                    void conditional() {
                        MemorySegment s = maybe();
                        if (s != null) PageAllocator.INSTANCE.free(s);
                    }
                    void unguarded(boolean c) {
                        MemorySegment s = maybe(); // expect: leak END_OF_BODY
                        if (c) PageAllocator.INSTANCE.free(s);
                    }
                    static void use(MemorySegment s) {}
                }
                """);
    }

    @Test
    void ownedResultsParametersAndOverrides() {
        check("""
                class Mine implements Allocator {
                    public MemorySegment alloc(long n) { return MemorySegment.NULL; }
                    public MemorySegment realloc(MemorySegment m, long n) { return m; }
                    public void free(MemorySegment m) {} // expect: leak END_OF_BODY
                }
                class T {
                    @Owned MemorySegment make(Allocator a) throws AllocationException {
                        return a.alloc(10);
                    }
                    void viaOverride(Mine mine) {
                        MemorySegment s = mine.alloc(1); // expect: leak END_OF_BODY
                    }
                    void takes(@Owned MemorySegment s, Allocator a) {
                        a.free(s);
                    }
                    void ignores(@Owned MemorySegment s) { // expect: leak END_OF_BODY
                    }
                }
                """);
    }

    @Test
    void regionsNeedNoFreeButMustBeClosed() {
        check("""
                class T {
                    void arena() throws AllocationException {
                        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
                            MemorySegment s = arena.alloc(10);
                            Allocator a = arena;
                            MemorySegment t = a.alloc(10);
                        }
                    }
                    void unclosed() throws AllocationException {
                        ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE); // expect: leak END_OF_BODY
                        arena.alloc(10);
                    }
                    void closedExplicitly() {
                        ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE);
                        arena.close();
                    }
                    void throughPlainAllocator(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(10); // expect: leak END_OF_BODY
                    }
                    @Owned static MemorySegment dupe(Allocator allocator, MemorySegment source) throws AllocationException {
                        return allocator.alloc(source.byteSize());
                    }
                    void regionArgument(MemorySegment source) throws AllocationException {
                        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
                            MemorySegment copy = dupe(arena, source);
                        }
                    }
                    void plainArgument(Allocator a, MemorySegment source) throws AllocationException {
                        MemorySegment copy = dupe(a, source); // expect: leak END_OF_BODY
                    }
                }
                """);
    }

    @Test
    void regionValuesOweNothingButAreStillCheckedWhenFreed() {
        check("""
                class T {
                    void otherArena() throws AllocationException {
                        try (ArenaAllocator one = new ArenaAllocator(PageAllocator.INSTANCE);
                             ArenaAllocator two = new ArenaAllocator(PageAllocator.INSTANCE)) {
                            MemorySegment s = one.alloc(1);
                            two.free(s); // expect: wrong-allocator
                        }
                    }
                    void ownArenaTwice() throws AllocationException {
                        try (ArenaAllocator one = new ArenaAllocator(PageAllocator.INSTANCE)) {
                            MemorySegment s = one.alloc(1);
                            one.free(s);
                            one.free(s); // expect: double-free
                        }
                    }
                    void ownArenaDiscarded() throws AllocationException {
                        try (ArenaAllocator one = new ArenaAllocator(PageAllocator.INSTANCE)) {
                            one.alloc(1);
                            MemorySegment s = one.alloc(1);
                            s = one.alloc(2);
                        }
                    }
                }
                """);
    }

    @Test
    void compoundAssignmentsInABodyThatAllocatesAreUnderstood() {
        check("""
                class T {
                    long sum(Allocator a, int n) throws AllocationException {
                        long total = 0;
                        String text = "";
                        for (int i = 0; i < n; i += 1) {
                            MemorySegment s = a.alloc(8);
                            total += s.byteSize();
                            text += s.byteSize();
                            a.free(s);
                        }
                        return total + text.length();
                    }
                }
                """);
    }

    @Test
    void reallocInALoopReleasesTheValueItReplaces() {
        check("""
                class T {
                    @Owned MemorySegment grow(Allocator a, int rounds) throws AllocationException {
                        MemorySegment s = a.alloc(8);
                        try {
                            for (int i = 0; i < rounds; i++) {
                                s = a.realloc(s, s.byteSize() * 2);
                            }
                        } catch (AllocationException e) {
                            a.free(s);
                            throw e;
                        }
                        return s;
                    }
                    void leaky(Allocator a, int rounds) throws AllocationException {
                        MemorySegment s = a.alloc(8); // expect: leak EXCEPTION
                        for (int i = 0; i < rounds; i++) {
                            s = a.realloc(s, 64); // expect: leak EXCEPTION
                        }
                        a.free(s);
                    }
                }
                """);
    }

    @Test
    void theReceiverOfAnOwnedFactoryIsNotTheAllocatorOfItsResult() {
        check("""
                class T {
                    final Allocator allocator;
                    T(Allocator allocator) { this.allocator = allocator; }
                    @Owned MemorySegment copy(long n) throws AllocationException { return allocator.alloc(n); }
                    static void use() throws AllocationException {
                        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(PageAllocator.INSTANCE)) {
                            T library = new T(gpa);
                            MemorySegment s = library.copy(8);
                            gpa.free(s);
                        }
                    }
                }
                """);
    }

    @Test
    void anExceptionHandsOwnedParametersBackToTheCaller() {
        check("""
                class T {
                    @Owned MemorySegment grow(Allocator a, @Owned MemorySegment s, long n) throws AllocationException {
                        return a.realloc(s, n);
                    }
                    void take(Allocator a, @Owned MemorySegment s) throws IOException {
                        io();
                        a.free(s);
                    }
                    void forget(@Owned MemorySegment s) { // expect: leak END_OF_BODY
                    }
                    static void io() throws IOException {}
                }
                """);
    }

    @Test
    void nullGuardsOnOwnedFieldsInClose() {
        check("""
                class T implements AutoCloseable {
                    Allocator a;
                    @Owned MemorySegment kept;
                    @Owned MemorySegment other; // expect: leak END_OF_BODY
                    public void close() {
                        if (kept != null) {
                            a.free(kept);
                        }
                        if (this.other == null) {
                            return;
                        }
                    }
                }
                """);
    }

    @Test
    void aFreeThatThrowsStillEndsTheObligation() {
        check("""
                class T {
                    void m(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(10);
                        a.free(s);
                    }
                    void n(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(10); // expect: leak EXCEPTION
                        s.fill((byte) 0);
                        a.free(s);
                    }
                }
                """, CfgOptions.DEFAULT.withUncheckedExceptions(true));
    }

    @Test
    void wrongAllocator() {
        check("""
                class T {
                    void two() throws AllocationException {
                        try (GeneralPurposeAllocator g1 = new GeneralPurposeAllocator(PageAllocator.INSTANCE);
                             GeneralPurposeAllocator g2 = new GeneralPurposeAllocator(PageAllocator.INSTANCE)) {
                            MemorySegment s = g1.alloc(1);
                            g2.free(s); // expect: wrong-allocator
                            MemorySegment t = g1.alloc(1);
                            g1.free(t);
                        }
                    }
                    void page() throws AllocationException {
                        try (GeneralPurposeAllocator g = new GeneralPurposeAllocator(PageAllocator.INSTANCE)) {
                            MemorySegment s = PageAllocator.INSTANCE.alloc(1);
                            g.free(s); // expect: wrong-allocator
                        }
                    }
                    void unknown(Allocator a, Allocator b) throws AllocationException {
                        MemorySegment s = a.alloc(1);
                        b.free(s);
                    }
                }
                """);
    }

    @Test
    void ownedFieldsAreReleasedByClose() {
        check("""
                class Good implements AutoCloseable {
                    @Owned MemorySegment seg;
                    final Allocator a;
                    Good(Allocator a) throws AllocationException { this.a = a; this.seg = a.alloc(1); }
                    public void close() { a.free(seg); }
                }
                class Bad implements AutoCloseable {
                    @Owned MemorySegment seg; // expect: leak END_OF_BODY
                    final Allocator a;
                    Bad(Allocator a) { this.a = a; }
                    public void close() { }
                }
                class Sometimes implements AutoCloseable {
                    @Owned MemorySegment seg; // expect: leak RETURN
                    final Allocator a;
                    Sometimes(Allocator a) { this.a = a; }
                    public void close() { if (a == null) return; a.free(this.seg); }
                }
                class NoClose {
                    @Owned MemorySegment seg; // expect: leak NO_CLOSE_METHOD
                }
                """);
    }

    @Test
    void lambdasAreBodiesOfTheirOwn() {
        check("""
                class T {
                    void m(Allocator a) {
                        Runnable r = () -> {
                            try {
                                MemorySegment s = a.alloc(1); // expect: leak END_OF_BODY
                            } catch (AllocationException e) {
                            }
                        };
                        java.util.concurrent.Callable<MemorySegment> k = () -> a.alloc(1);
                        java.util.concurrent.Callable<MemorySegment> block = () -> { return a.alloc(1); };
                        Action discards = () -> a.alloc(1); // expect: leak DISCARDED
                    }
                    interface Action { void run() throws AllocationException; }
                }
                """);
    }

    @Test
    void uncheckedExceptionsOnlyWithTheOption() {
        String source = """
                class T {
                    void m(Allocator a) throws AllocationException {
                        MemorySegment s = a.alloc(1); // expect: leak EXCEPTION
                        work();
                        a.free(s);
                    }
                    static void work() {}
                }
                """;
        check(source, CfgOptions.DEFAULT.withUncheckedExceptions(true));
        assertThat(OwnershipHarness.actual(source, CfgOptions.DEFAULT)).isEmpty();
    }
}
