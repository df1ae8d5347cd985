package org.allocdiscipline;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.allocdiscipline.support.HeapBackedAllocator;

/** Random sequences of alloc, realloc and free against a model of what each live segment holds. */
class GeneralPurposeAllocatorPropertiesTest {

    /** kind 0-2 alloc, 3 realloc, 4-5 free; pick selects a live allocation. */
    record Op(int kind, long size, int alignmentShift, int pick) {
    }

    private record Live(MemorySegment segment, byte pattern, long alignment) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Long> sizes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(0, 300)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(300, 4200)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(4200, 70_000)));
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.integers().between(0, 5), sizes,
                Arbitraries.integers().between(0, 14), Arbitraries.integers().between(0, 1000))
                .as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 150)
    void liveSegmentsNeverOverlapAndKeepTheirContents(@ForAll("operations") List<Op> ops) throws Exception {
        HeapBackedAllocator backing = new HeapBackedAllocator();
        List<Live> live = new ArrayList<>();
        byte next = 1;
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            for (Op op : ops) {
                if (op.kind() <= 2 || live.isEmpty()) {
                    long alignment = 1L << op.alignmentShift();
                    MemorySegment segment = gpa.alloc(op.size(), alignment);
                    assertThat(segment.byteSize()).isEqualTo(op.size());
                    assertThat(segment.address() % alignment).isZero();
                    segment.fill(next);
                    live.add(new Live(segment, next++, alignment));
                } else if (op.kind() == 3) {
                    Live old = live.remove(op.pick() % live.size());
                    MemorySegment resized = gpa.realloc(old.segment(), op.size());
                    assertThat(resized.byteSize()).isEqualTo(op.size());
                    assertThat(resized.address() % old.alignment()).isZero();
                    assertFilled(resized.asSlice(0, Math.min(op.size(), old.segment().byteSize())), old.pattern());
                    resized.fill(next);
                    live.add(new Live(resized, next++, old.alignment()));
                } else {
                    Live gone = live.remove(op.pick() % live.size());
                    assertFilled(gone.segment(), gone.pattern());
                    gpa.free(gone.segment());
                }
                assertNoOverlap(live);
            }
            for (Live l : live) {
                assertFilled(l.segment(), l.pattern());
                gpa.free(l.segment());
            }
            assertThat(gpa.liveAllocations()).isZero();
        }
        assertThat(backing.live()).isZero();
    }

    private static void assertFilled(MemorySegment segment, byte pattern) {
        for (long i = 0; i < segment.byteSize(); i++) {
            if (segment.get(JAVA_BYTE, i) != pattern) {
                throw new AssertionError("byte " + i + " of " + segment + " was overwritten");
            }
        }
    }

    private static void assertNoOverlap(List<Live> live) {
        List<MemorySegment> sorted = live.stream().map(Live::segment).filter(s -> s.byteSize() > 0)
                .sorted(Comparator.comparingLong(MemorySegment::address)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            MemorySegment before = sorted.get(i - 1);
            assertThat(before.address() + before.byteSize()).as("end of %s", before)
                    .isLessThanOrEqualTo(sorted.get(i).address());
        }
    }
}
