package org.allocdiscipline;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PageAllocatorTest {

    @Test
    void pageSizeIsWhatTheOperatingSystemSays() throws IOException, InterruptedException {
        long pageSize = PageAllocator.pageSize();
        assertThat(Long.bitCount(pageSize)).isEqualTo(1);
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        Process getconf = new ProcessBuilder("getconf", "PAGESIZE").start();
        String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(getconf.waitFor()).isZero();
        assertThat(pageSize).isEqualTo(Long.parseLong(answer));
    }

    @Test
    void theSourceDocumentsFirstProgram() throws AllocationException {
        MemorySegment bytes = PageAllocator.INSTANCE.alloc(100);
        try {
            bytes.fill((byte) 0);
            assertThat(bytes.byteSize()).isEqualTo(100);
            assertThat(bytes.address() % PageAllocator.pageSize()).isZero();
        } finally {
            PageAllocator.INSTANCE.free(bytes);
        }
    }

    @Test
    void freshPagesAreZeroed() throws AllocationException {
        MemorySegment segment = PageAllocator.INSTANCE.alloc(3 * PageAllocator.pageSize());
        assertThat(segment.elements(JAVA_BYTE).allMatch(b -> b.get(JAVA_BYTE, 0) == 0)).isTrue();
        PageAllocator.INSTANCE.free(segment);
    }

    @ParameterizedTest
    @EnumSource(value = Safety.class, names = {"SHARED", "THREAD_CONFINED"})
    void useAfterFreeThrowsInsteadOfTouchingUnmappedMemory(Safety safety) throws AllocationException {
        PageAllocator allocator = modeOf(safety);
        MemorySegment segment = allocator.alloc(100);
        segment.set(JAVA_LONG, 0, 42L);
        allocator.free(segment);
        assertThatThrownBy(() -> segment.get(JAVA_LONG, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> segment.set(JAVA_LONG, 0, 1L)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Safety.class, names = {"SHARED", "THREAD_CONFINED"})
    void reallocInvalidatesTheOldSegment(Safety safety) throws AllocationException {
        PageAllocator allocator = modeOf(safety);
        MemorySegment segment = allocator.alloc(100);
        MemorySegment grown = allocator.realloc(segment, 10 * PageAllocator.pageSize());
        assertThatThrownBy(() -> segment.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
        allocator.free(grown);
    }

    @Test
    void doubleFreeIsReportedInEveryMode() throws AllocationException {
        for (Safety safety : Safety.values()) {
            PageAllocator allocator = modeOf(safety);
            MemorySegment segment = allocator.alloc(64);
            allocator.free(segment);
            assertThatThrownBy(() -> allocator.free(segment)).as("%s", safety)
                    .isInstanceOf(RuntimeException.class).hasMessageContaining("double free");
        }
    }

    @Test
    void freeOfASliceIsReported() throws AllocationException {
        MemorySegment segment = PageAllocator.INSTANCE.alloc(2 * PageAllocator.pageSize());
        assertThatThrownBy(() -> PageAllocator.INSTANCE.free(segment.asSlice(0, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slice");
        assertThatThrownBy(() -> PageAllocator.INSTANCE.free(segment.asSlice(16)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slice");
        segment.set(JAVA_BYTE, 0, (byte) 1); // still alive
        PageAllocator.INSTANCE.free(segment);
    }

    @Test
    void freeThroughAnotherModeIsAForeignFree() throws AllocationException {
        MemorySegment segment = PageAllocator.INSTANCE.alloc(64);
        assertThatThrownBy(() -> PageAllocator.THREAD_CONFINED.free(segment))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("foreign free");
        assertThatThrownBy(() -> PageAllocator.INSTANCE.free(MemorySegment.ofArray(new byte[8])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("foreign free");
        PageAllocator.INSTANCE.free(segment);
    }

    @Test
    void anAbsurdSizeSaysWhyTheSystemRefused() {
        assertThatThrownBy(() -> PageAllocator.INSTANCE.alloc(1L << 52))
                .isInstanceOf(AllocationException.class)
                .hasMessageContaining("mmap")
                .hasMessageContaining("errno")
                .satisfies(e -> assertThat(((AllocationException) e).requestedBytes()).isEqualTo(1L << 52));
    }

    @Test
    void aConfinedPageMustBeFreedByItsThread() throws Exception {
        MemorySegment segment = PageAllocator.THREAD_CONFINED.alloc(64);
        Throwable fromOtherThread = CompletableFuture.supplyAsync(() -> {
            try {
                PageAllocator.THREAD_CONFINED.free(segment);
                return null;
            } catch (Throwable t) {
                return t;
            }
        }).get();
        assertThat(fromOtherThread).isInstanceOf(WrongThreadException.class)
                .hasMessageContaining("thread that allocated it");
        segment.set(JAVA_BYTE, 0, (byte) 9); // still ours, still alive
        PageAllocator.THREAD_CONFINED.free(segment);
    }

    @Test
    void growingAndShrinkingKeepTheAddressWhenTheKernelCan() throws AllocationException {
        long page = PageAllocator.pageSize();
        MemorySegment segment = PageAllocator.INSTANCE.alloc(page);
        MemorySegment sameCount = PageAllocator.INSTANCE.realloc(segment, page - 10);
        assertThat(sameCount.address()).isEqualTo(segment.address());
        MemorySegment shrunk = PageAllocator.INSTANCE.realloc(PageAllocator.INSTANCE.realloc(sameCount, 8 * page), 2 * page);
        shrunk.set(JAVA_BYTE, 2 * page - 1, (byte) 1);
        PageAllocator.INSTANCE.free(shrunk);
    }

    @Test
    void twoThreadsAllocatingAndFreeingAtOnceCorruptNothing() throws Exception {
        int rounds = 2_000;
        int threads = 2;
        long before = PageAllocator.INSTANCE.liveAllocations();
        CyclicBarrier start = new CyclicBarrier(threads);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long tag = t + 1;
                results.add(pool.submit(() -> {
                    start.await();
                    List<MemorySegment> mine = new ArrayList<>();
                    long checked = 0;
                    for (int i = 0; i < rounds; i++) {
                        MemorySegment segment = PageAllocator.INSTANCE.alloc(64 + (i % 3) * PageAllocator.pageSize());
                        segment.set(JAVA_LONG, 0, tag << 32 | i);
                        segment.set(JAVA_LONG, segment.byteSize() - 8, tag << 32 | i);
                        mine.add(segment);
                        if (mine.size() > 8) {
                            MemorySegment oldest = mine.removeFirst();
                            long expected = oldest.get(JAVA_LONG, 0);
                            if (expected >>> 32 != tag || oldest.get(JAVA_LONG, oldest.byteSize() - 8) != expected) {
                                throw new AssertionError("contents of a live page changed");
                            }
                            PageAllocator.INSTANCE.free(oldest);
                            checked++;
                        }
                    }
                    mine.forEach(PageAllocator.INSTANCE::free);
                    return checked;
                }));
            }
            for (Future<Long> result : results) {
                assertThat(result.get()).isEqualTo(rounds - 8L);
            }
        }
        assertThat(PageAllocator.INSTANCE.liveAllocations()).isEqualTo(before);
    }

    private static PageAllocator modeOf(Safety safety) {
        return switch (safety) {
            case SHARED -> PageAllocator.INSTANCE;
            case THREAD_CONFINED -> PageAllocator.THREAD_CONFINED;
            case UNCHECKED -> PageAllocator.UNCHECKED;
        };
    }
}
