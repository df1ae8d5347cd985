package org.allocdiscipline;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

import org.allocdiscipline.support.Workers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A user's churn program: each thread keeps thousands of live allocations of random sizes across
 * every size class (1 to 4096 bytes), frees a random one of its own after checking its contents,
 * and allocates again. Slabs fill, are abandoned, come back through the pool, empty out and move
 * to other classes all the time, on every stripe at once: the slab life cycle is exercised under
 * contention, and any slot handed out twice shows up as a wrong byte.
 *
 * <p>Before the fix of the slab protocol this failed in about one run out of three with
 * "internal error: a fresh slab had no free slot": a thread that had read a stripe's current
 * slab took a slot from it after the slab had left the CURRENT state.
 */
class GeneralPurposeAllocatorChurnTest {

    @ParameterizedTest(name = "{0} threads, {1} live each")
    @CsvSource({"2, 2000", "4, 1000"})
    void everyAllocationKeepsItsBytes(int threadCount, int livePerThread) throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(PageAllocator.INSTANCE)) {
            Workers.runTogether(threadCount, self -> churn(gpa, self, livePerThread, 120_000));
            assertThat(gpa.liveAllocations()).isZero();
        }
    }

    private static void churn(GeneralPurposeAllocator gpa, int self, int live, int operations)
            throws AllocationException {
        SplittableRandom random = new SplittableRandom(0x5EEDL * (self + 1));
        MemorySegment[] mine = new MemorySegment[live];
        byte[] stamps = new byte[live];
        for (int op = 0; op < operations; op++) {
            int i = random.nextInt(live);
            if (mine[i] != null) {
                verify(mine[i], stamps[i]);
                gpa.free(mine[i]);
            }
            // Sizes spread evenly over the classes: a random bit length, then a random size of it.
            int bits = 1 + random.nextInt(12);
            long size = (1L << (bits - 1)) + random.nextLong(1L << (bits - 1));
            MemorySegment segment = gpa.alloc(Math.min(size, GeneralPurposeAllocator.MAX_SLAB_REQUEST));
            byte stamp = (byte) (self * 64 + op);
            fill(segment, stamp);
            mine[i] = segment;
            stamps[i] = stamp;
        }
        for (int i = 0; i < live; i++) {
            if (mine[i] != null) {
                verify(mine[i], stamps[i]);
                gpa.free(mine[i]);
            }
        }
    }

    private static void fill(MemorySegment segment, byte stamp) {
        segment.fill(stamp);
    }

    private static void verify(MemorySegment segment, byte stamp) {
        long word = 0x0101010101010101L * (stamp & 0xFF);
        long offset = 0;
        for (; offset + 8 <= segment.byteSize(); offset += 8) {
            if (segment.get(JAVA_LONG_UNALIGNED, offset) != word) {
                throw overwritten(segment, offset, stamp);
            }
        }
        for (; offset < segment.byteSize(); offset++) {
            if (segment.get(JAVA_BYTE, offset) != stamp) {
                throw overwritten(segment, offset, stamp);
            }
        }
    }

    private static AssertionError overwritten(MemorySegment segment, long offset, byte stamp) {
        return new AssertionError("the " + segment.byteSize() + "-byte allocation at 0x"
                + Long.toHexString(segment.address()) + " was overwritten at offset " + offset
                + ": another live allocation shares its memory (expected stamp " + stamp + ")");
    }
}
