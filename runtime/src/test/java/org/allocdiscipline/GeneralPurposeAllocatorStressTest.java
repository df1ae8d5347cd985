package org.allocdiscipline;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.allocdiscipline.support.HeapBackedAllocator;
import org.allocdiscipline.support.Workers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Threads allocate, fill, verify and free concurrently through one allocator, and hand some
 * segments to the next thread in a ring to be verified and freed there: any slot handed out
 * twice, or reused while live, shows up as a wrong stamp. Two threads is the required case; four
 * threads make some of them share a stripe of slabs on machines with fewer than four cores; 72
 * threads are more than the allocator's table of thread caches has entries (64, by thread id), so
 * some threads share an entry and take it from each other all the time.
 */
class GeneralPurposeAllocatorStressTest {
    private static final int ROUNDS = 40_000;
    /** More threads than entries in the allocator's table of thread caches. */
    private static final int CROWD = 72;

    @ParameterizedTest
    @ValueSource(ints = {2, 4, CROWD})
    void threadsNeverSeeEachOthersBytes(int threadCount) throws Exception {
        // The crowd does fewer rounds each: what it tests is the turns taken on shared entries.
        int rounds = threadCount == CROWD ? ROUNDS / 40 : ROUNDS;
        HeapBackedAllocator backing = new HeapBackedAllocator();
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            List<ConcurrentLinkedQueue<MemorySegment>> mailboxes = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                mailboxes.add(new ConcurrentLinkedQueue<>());
            }
            Workers.runTogether(threadCount,
                    self -> work(gpa, self, rounds, mailboxes.get(self), mailboxes.get((self + 1) % threadCount)));
            for (ConcurrentLinkedQueue<MemorySegment> mailbox : mailboxes) {
                for (MemorySegment segment; (segment = mailbox.poll()) != null; ) {
                    verify(segment);
                    gpa.free(segment);
                }
            }
            assertThat(gpa.liveAllocations()).isZero();
        }
        assertThat(backing.live()).isZero();
    }

    private static void work(GeneralPurposeAllocator gpa, int self, int rounds, ConcurrentLinkedQueue<MemorySegment> inbox,
            ConcurrentLinkedQueue<MemorySegment> outbox) throws AllocationException {
        SplittableRandom random = new SplittableRandom(self * 7919L + 1);
        List<MemorySegment> mine = new ArrayList<>();
        long stamp = ((long) self << 56) + 1;
        for (int round = 0; round < rounds; round++) {
            int choice = random.nextInt(10);
            if (choice < 5 || mine.isEmpty()) {
                long size = random.nextInt(20) == 0 ? 8 + random.nextInt(9000) : 8 + random.nextInt(300);
                MemorySegment segment = gpa.alloc(size, 8);
                // A segment the thread made for the slot before is handed out again only for its size.
                if (segment.byteSize() != size) {
                    throw new AssertionError(segment + " for a request of " + size + " bytes");
                }
                stamp(segment, stamp++);
                mine.add(segment);
            } else if (choice < 8) {
                MemorySegment segment = mine.remove(random.nextInt(mine.size()));
                verify(segment);
                gpa.free(segment);
            } else if (choice == 8) {
                MemorySegment segment = mine.remove(random.nextInt(mine.size()));
                verify(segment);
                long newSize = 8 + random.nextInt(600);
                MemorySegment resized = gpa.realloc(segment, newSize);
                if (resized.byteSize() != newSize) {
                    throw new AssertionError(resized + " for a realloc to " + newSize + " bytes");
                }
                stamp(resized, stamp++);
                mine.add(resized);
            } else {
                outbox.add(mine.remove(random.nextInt(mine.size())));
            }
            for (MemorySegment foreign; (foreign = inbox.poll()) != null; ) {
                verify(foreign);
                gpa.free(foreign);
            }
        }
        for (MemorySegment segment : mine) {
            verify(segment);
            gpa.free(segment);
        }
    }

    /** Writes the stamp in every 8-byte word, so that any overlap with another live segment is seen. */
    private static void stamp(MemorySegment segment, long stamp) {
        for (long offset = 0; offset + 8 <= segment.byteSize(); offset += 8) {
            segment.set(JAVA_LONG_UNALIGNED, offset, stamp);
        }
    }

    private static void verify(MemorySegment segment) {
        long first = segment.get(JAVA_LONG_UNALIGNED, 0);
        for (long offset = 8; offset + 8 <= segment.byteSize(); offset += 8) {
            long word = segment.get(JAVA_LONG_UNALIGNED, offset);
            if (word != first) {
                throw new AssertionError("word at " + offset + " of " + segment + " is " + Long.toHexString(word)
                        + ", expected " + Long.toHexString(first));
            }
        }
    }
}
