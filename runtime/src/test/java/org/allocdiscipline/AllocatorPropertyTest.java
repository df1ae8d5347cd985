package org.allocdiscipline;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of alloc / realloc / free against a model of the live allocations: live
 * allocations never overlap, alignment holds, and contents survive everything else that happens.
 */
class AllocatorPropertyTest {

    sealed interface Op permits Alloc, Realloc, Free {
    }

    record Alloc(long size, long alignment) implements Op {
    }

    /** Resizes the live allocation at {@code index modulo live count}. */
    record Realloc(int index, long newSize) implements Op {
    }

    /** Frees the live allocation at {@code index modulo live count}. */
    record Free(int index) implements Op {
    }

    /** One live allocation in the model: its segment, the alignment it was asked for, its fill byte. */
    record Live(MemorySegment segment, long alignment, byte fill) {
    }

    @Property(tries = 150)
    void liveAllocationsStayDisjointAlignedAndIntact(
            @ForAll AllocatorFixture kind, @ForAll("operations") @Size(max = 40) List<Op> operations)
            throws AllocationException {
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            List<Live> live = new ArrayList<>();
            byte nextFill = 1;
            for (Op op : operations) {
                switch (op) {
                    case Alloc(long size, long alignment) -> {
                        MemorySegment segment = allocator.alloc(size, alignment);
                        segment.fill(nextFill);
                        live.add(new Live(segment, alignment, nextFill++));
                    }
                    case Realloc(int index, long newSize) when !live.isEmpty() -> {
                        Live old = live.remove(Math.floorMod(index, live.size()));
                        MemorySegment resized = allocator.realloc(old.segment(), newSize);
                        check(resized.byteSize() == newSize, "realloc returned " + resized.byteSize() + " bytes");
                        assertFilled(resized.asSlice(0, Math.min(newSize, old.segment().byteSize())), old.fill());
                        resized.fill(nextFill);
                        live.add(new Live(resized, old.alignment(), nextFill++));
                    }
                    case Free(int index) when !live.isEmpty() ->
                            allocator.free(live.remove(Math.floorMod(index, live.size())).segment());
                    default -> {
                        // realloc or free with nothing live: skip
                    }
                }
                checkModel(kind, live);
            }
            for (Live each : live) {
                allocator.free(each.segment());
            }
        }
    }

    private static void checkModel(AllocatorFixture kind, List<Live> live) {
        List<MemorySegment> segments = new ArrayList<>();
        for (Live each : live) {
            MemorySegment segment = each.segment();
            check(segment.address() % each.alignment() == 0,
                    kind + ": address 0x" + Long.toHexString(segment.address()) + " is not aligned to " + each.alignment());
            assertFilled(segment, each.fill());
            segments.add(segment);
        }
        AllocatorConformanceTest.assertDisjoint(segments);
    }

    private static void assertFilled(MemorySegment segment, byte fill) {
        for (long i = 0; i < segment.byteSize(); i++) {
            check(segment.get(JAVA_BYTE, i) == fill, "byte " + i + " of a live allocation was overwritten");
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Long> sizes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 256)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(257, 3 * 4096)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(3 * 4096, 200_000)));
        Arbitrary<Long> alignments = Arbitraries.integers().between(0, 13).map(shift -> 1L << shift);
        Arbitrary<Op> alloc = Combinators.combine(sizes, alignments).as(Alloc::new);
        Arbitrary<Op> realloc = Combinators.combine(Arbitraries.integers(), sizes).as(Realloc::new);
        Arbitrary<Op> free = Arbitraries.integers().map(Free::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, alloc), net.jqwik.api.Tuple.of(2, realloc), net.jqwik.api.Tuple.of(3, free))
                .list();
    }
}
