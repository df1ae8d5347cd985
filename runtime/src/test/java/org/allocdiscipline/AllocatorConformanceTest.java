package org.allocdiscipline;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The behaviour every {@link Allocator} must show, run against every {@link AllocatorFixture}. */
class AllocatorConformanceTest {

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void returnsExactlyTheRequestedLength(AllocatorFixture kind) throws Exception {
        long page = PageAllocator.pageSize();
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            for (long size : new long[] {1, 7, 8, 100, page - 1, page, page + 1, 16 * page + 3}) {
                MemorySegment segment = allocator.alloc(size);
                assertThat(segment.byteSize()).as("alloc(%d)", size).isEqualTo(size);
                segment.fill((byte) 0x5A);
                assertThat(segment.get(JAVA_BYTE, size - 1)).isEqualTo((byte) 0x5A);
                allocator.free(segment);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void honoursEveryAlignmentUpToBeyondAPage(AllocatorFixture kind) throws Exception {
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            List<MemorySegment> live = new ArrayList<>();
            for (long alignment = 1; alignment <= 4 * PageAllocator.pageSize(); alignment <<= 1) {
                for (long size : new long[] {1, 24, alignment + 1}) {
                    MemorySegment segment = allocator.alloc(size, alignment);
                    assertThat(segment.address() % alignment).as("alignment %d, size %d", alignment, size).isZero();
                    assertThat(segment.byteSize()).isEqualTo(size);
                    live.add(segment);
                }
            }
            assertDisjoint(live);
            Collections.reverse(live);
            live.forEach(allocator::free);
        }
    }

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void allocatesArraysOfLayouts(AllocatorFixture kind) throws Exception {
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            MemorySegment longs = allocator.alloc(JAVA_LONG, 100);
            assertThat(longs.byteSize()).isEqualTo(800);
            assertThat(longs.address() % JAVA_LONG.byteAlignment()).isZero();
            for (int i = 0; i < 100; i++) {
                longs.setAtIndex(JAVA_LONG, i, i * 31L);
            }
            assertThat(longs.getAtIndex(JAVA_LONG, 99)).isEqualTo(99 * 31L);
            allocator.free(longs);
        }
    }

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void reallocKeepsContentsWhenGrowing(AllocatorFixture kind) throws Exception {
        long page = PageAllocator.pageSize();
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            MemorySegment segment = allocator.alloc(100, 8);
            fillPattern(segment, 1);
            long previous = 100;
            for (long size : new long[] {200, page, page + 1, 3 * page + 5, 40 * page}) {
                MemorySegment grown = allocator.realloc(segment, size);
                assertThat(grown.byteSize()).isEqualTo(size);
                assertThat(grown.address() % 8).isZero();
                assertPattern(grown.asSlice(0, previous), 1);
                fillPattern(grown, 1);
                segment = grown;
                previous = size;
            }
            allocator.free(segment);
        }
    }

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void reallocKeepsContentsWhenShrinking(AllocatorFixture kind) throws Exception {
        long page = PageAllocator.pageSize();
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            MemorySegment segment = allocator.alloc(5 * page + 7);
            fillPattern(segment, 7);
            for (long size : new long[] {5 * page, 2 * page + 1, page, 10, 1}) {
                MemorySegment shrunk = allocator.realloc(segment, size);
                assertThat(shrunk.byteSize()).isEqualTo(size);
                assertPattern(shrunk, 7);
                segment = shrunk;
            }
            allocator.free(segment);
        }
    }

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void manySmallAllocationsAreDisjointAndKeepTheirContents(AllocatorFixture kind) throws Exception {
        int count = kind.reclaimsEachFree() ? 500 : 10_000;
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            List<MemorySegment> live = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                MemorySegment segment = allocator.alloc(8, 8);
                segment.set(JAVA_LONG, 0, i);
                live.add(segment);
            }
            for (int i = 0; i < count; i++) {
                assertThat(live.get(i).get(JAVA_LONG, 0)).isEqualTo(i);
            }
            assertDisjoint(live);
            Collections.shuffle(live, new Random(42));
            live.forEach(allocator::free);
        }
    }

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void zeroLengthAllocationsAreAcceptedEverywhere(AllocatorFixture kind) throws Exception {
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            MemorySegment empty = allocator.alloc(0, 64);
            assertThat(empty.byteSize()).isZero();
            assertThat(empty.address() % 64).isZero();
            // the same segment on every allocator, whichever way it is made (the bump allocators slice it)
            assertThat(empty).isEqualTo(MemorySegment.ofAddress(64));
            assertThat(empty.isNative()).isTrue();
            assertThat(empty.isReadOnly()).isFalse();
            allocator.free(empty);
            MemorySegment grown = allocator.realloc(allocator.alloc(0, 16), 32);
            assertThat(grown.byteSize()).isEqualTo(32);
            assertThat(grown.address() % 16).isZero();
            MemorySegment gone = allocator.realloc(grown, 0);
            assertThat(gone.byteSize()).isZero();
            MemorySegment again = allocator.realloc(gone, 24);
            assertThat(again.byteSize()).isEqualTo(24);
            assertThat(again.address() % 16).isZero();
            allocator.free(again);
        }
    }

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void theFirstAllocationShrunkToNothingCanGrowAgain(AllocatorFixture kind) throws Exception {
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            MemorySegment first = allocator.alloc(100);
            MemorySegment none = allocator.realloc(first, 0);
            MemorySegment regrown = allocator.realloc(none, 1);
            assertThat(regrown.byteSize()).isEqualTo(1);
            allocator.free(regrown);
        }
    }

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void servesFfmCodeThroughItsSegmentAllocatorView(AllocatorFixture kind) throws Exception {
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            SegmentAllocator view = allocator.asSegmentAllocator();
            MemorySegment text = view.allocateFrom("h\u00e9llo");
            assertThat(text.byteSize()).as("UTF-8 bytes and the terminator").isEqualTo(7);
            assertThat(text.getString(0)).isEqualTo("h\u00e9llo");
            MemorySegment ints = view.allocateFrom(JAVA_INT, 1, 2, 3);
            assertThat(ints.toArray(JAVA_INT)).containsExactly(1, 2, 3);
            assertThat(ints.address() % JAVA_INT.byteAlignment()).isZero();
            MemorySegment line = view.allocate(MemoryLayout.structLayout(JAVA_LONG).withByteAlignment(64));
            assertThat(line.address() % 64).isZero();
            assertDisjoint(List.of(text, ints, line));
            // What the view handed out is the allocator's own: it goes back through free.
            allocator.free(line);
            allocator.free(ints);
            allocator.free(text);
        }
    }

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void dupeCopies(AllocatorFixture kind) throws Exception {
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            MemorySegment source = MemorySegment.ofArray(new byte[] {1, 2, 3, 4, 5});
            MemorySegment copy = allocator.dupe(source);
            assertThat(copy.toArray(JAVA_BYTE)).containsExactly(1, 2, 3, 4, 5);
            allocator.free(copy);
        }
    }

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void rejectsBadArgumentsWithIllegalArgumentException(AllocatorFixture kind) throws Exception {
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            assertThatThrownBy(() -> allocator.alloc(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("negative");
            for (long alignment : new long[] {0, -8, 3, 24, Long.MIN_VALUE}) {
                assertThatThrownBy(() -> allocator.alloc(8, alignment)).as("alignment %d", alignment)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
            }
            assertThatThrownBy(() -> allocator.alloc(JAVA_LONG, Long.MAX_VALUE / 4))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflow");
            assertThatThrownBy(() -> allocator.alloc(ValueLayout.JAVA_INT, -3))
                    .isInstanceOf(IllegalArgumentException.class);
            MemorySegment segment = allocator.alloc(16);
            assertThatThrownBy(() -> allocator.realloc(segment, -5)).isInstanceOf(IllegalArgumentException.class);
            allocator.free(segment);
        }
    }

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void anAbsurdRequestIsAnAllocationExceptionNotAnError(AllocatorFixture kind) throws Exception {
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            for (long size : new long[] {1L << 52, Long.MAX_VALUE - 2, Long.MAX_VALUE}) {
                assertThatThrownBy(() -> allocator.alloc(size)).as("alloc(%d)", size)
                        .isInstanceOf(AllocationException.class);
            }
            // the allocator still works afterwards
            MemorySegment segment = allocator.alloc(64);
            allocator.free(segment);
        }
    }

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void aFailedReallocLeavesTheOriginalIntact(AllocatorFixture kind) throws Exception {
        try (var fixture = kind.open()) {
            Allocator allocator = fixture.allocator();
            MemorySegment original = allocator.alloc(256);
            fillPattern(original, 3);
            assertThatThrownBy(() -> allocator.realloc(original, 1L << 52)).isInstanceOf(AllocationException.class);
            assertThat(original.byteSize()).isEqualTo(256);
            assertPattern(original, 3);
            allocator.free(original);
        }
    }

    @ParameterizedTest
    @EnumSource(AllocatorFixture.class)
    void freeingASegmentOfAnotherAllocatorIsRejected(AllocatorFixture kind) throws Exception {
        try (var fixture = kind.open(); var other = new ArenaAllocator(PageAllocator.INSTANCE)) {
            Allocator allocator = fixture.allocator();
            MemorySegment mine = allocator.alloc(64);
            MemorySegment foreign = other.alloc(64);
            assertThatThrownBy(() -> allocator.free(foreign)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("foreign free");
            allocator.free(mine);
        }
    }

    static void fillPattern(MemorySegment segment, int seed) {
        for (long i = 0; i < segment.byteSize(); i++) {
            segment.set(JAVA_BYTE, i, (byte) (i * 7 + seed));
        }
    }

    static void assertPattern(MemorySegment segment, int seed) {
        for (long i = 0; i < segment.byteSize(); i++) {
            if (segment.get(JAVA_BYTE, i) != (byte) (i * 7 + seed)) {
                throw new AssertionError("byte " + i + " of " + segment.byteSize() + " changed");
            }
        }
    }

    static void assertDisjoint(List<MemorySegment> segments) {
        List<MemorySegment> sorted = new ArrayList<>(segments);
        sorted.removeIf(s -> s.byteSize() == 0);
        sorted.sort((a, b) -> Long.compareUnsigned(a.address(), b.address()));
        for (int i = 1; i < sorted.size(); i++) {
            MemorySegment previous = sorted.get(i - 1);
            assertThat(previous.address() + previous.byteSize())
                    .as("allocation %d overlaps the next one", i - 1)
                    .isLessThanOrEqualTo(sorted.get(i).address());
        }
    }
}
