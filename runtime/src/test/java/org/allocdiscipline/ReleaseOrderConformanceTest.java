package org.allocdiscipline;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.allocdiscipline.testing.TestingAllocator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The memory underneath an allocator is released before the allocator built on it, then a segment
 * of the upper allocator is written: in the default mode that must raise a clear exception, never
 * crash the JVM. Each case runs in a JVM of its own, so that a crash fails only that case.
 */
class ReleaseOrderConformanceTest {
    private static final String DONE = "scenario finished: ";

    /** One wrong release order; {@link #run()} prints what a later write and allocation saw. */
    enum Scenario {
        FIXED_BUFFER_OVER_PAGE_BUFFER("Already closed", "its buffer came from released the buffer first") {
            @Override
            void run() throws Exception {
                MemorySegment buffer = PageAllocator.INSTANCE.alloc(4096);
                FixedBufferAllocator upper = new FixedBufferAllocator(buffer);
                MemorySegment segment = upper.alloc(64);
                PageAllocator.INSTANCE.free(buffer);
                report(segment, upper);
            }
        },
        FIXED_BUFFER_OVER_GPA_BLOCK("Already closed", "its buffer came from released the buffer first") {
            @Override
            void run() throws Exception {
                GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(PageAllocator.INSTANCE);
                FixedBufferAllocator upper = new FixedBufferAllocator(gpa.alloc(1024));
                MemorySegment segment = upper.alloc(64);
                closeReportingLeaks(gpa);
                report(segment, upper);
            }
        },
        GPA_OVER_ARENA("Already closed", "released the slabs' memory first") {
            @Override
            void run() throws Exception {
                ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE);
                GeneralPurposeAllocator upper = new GeneralPurposeAllocator(arena);
                MemorySegment segment = upper.alloc(64);
                arena.close();
                report(segment, upper);
                upper.close();
            }
        },
        GPA_OVER_GPA("Already closed", "released the slabs' memory first") {
            @Override
            void run() throws Exception {
                GeneralPurposeAllocator outer = new GeneralPurposeAllocator(PageAllocator.INSTANCE);
                GeneralPurposeAllocator upper = new GeneralPurposeAllocator(outer);
                MemorySegment segment = upper.alloc(64);
                closeReportingLeaks(outer);
                report(segment, upper);
                upper.close();
            }
        },
        ARENA_OVER_GPA("Already closed", "released the chunks' memory first") {
            @Override
            void run() throws Exception {
                GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(PageAllocator.INSTANCE);
                ArenaAllocator upper = new ArenaAllocator(gpa);
                MemorySegment small = upper.alloc(64);
                MemorySegment large = upper.alloc(100_000);
                closeReportingLeaks(gpa);
                report(large, upper);
                report(small, upper);
                upper.close();
            }
        },
        TESTING_ALLOCATOR_OVER_GPA("Already closed", "released the memory of its allocations first") {
            @Override
            void run() throws Exception {
                GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(PageAllocator.INSTANCE);
                TestingAllocator upper = new TestingAllocator(gpa);
                MemorySegment segment = upper.alloc(64);
                closeReportingLeaks(gpa);
                report(segment, upper);
                upper.close();
            }
        },
        THREE_LEVELS_BOTTOM_FIRST("Already closed", "its buffer came from released the buffer first") {
            @Override
            void run() throws Exception {
                GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(PageAllocator.INSTANCE);
                ArenaAllocator arena = new ArenaAllocator(gpa);
                FixedBufferAllocator upper = new FixedBufferAllocator(arena.alloc(512));
                MemorySegment segment = upper.alloc(64);
                closeReportingLeaks(gpa);
                report(segment, upper);
                arena.close();
            }
        },
        CONFINED_UPPER_ON_ANOTHER_THREAD("close that allocator first, on its own thread", "live after refusal: 1") {
            @Override
            void run() throws Exception {
                MemorySegment buffer = PageAllocator.INSTANCE.alloc(4096);
                FixedBufferAllocator upper = new FixedBufferAllocator(buffer, Safety.THREAD_CONFINED);
                MemorySegment segment = upper.alloc(64);
                String[] refusal = new String[1];
                Thread other = Thread.ofPlatform().start(() -> {
                    try {
                        PageAllocator.INSTANCE.free(buffer);
                    } catch (IllegalStateException expected) {
                        refusal[0] = expected.getMessage();
                    }
                });
                other.join();
                System.out.println(DONE + "refused: " + refusal[0]);
                // Nothing was lost: the buffer is still live and usable, and the right order works.
                segment.set(JAVA_LONG, 0, 42);
                System.out.println(DONE + "live after refusal: " + PageAllocator.INSTANCE.liveAllocations());
                upper.close();
                PageAllocator.INSTANCE.free(buffer);
            }
        };

        private final String onWrite;
        private final String onAlloc;

        Scenario(String onWrite, String onAlloc) {
            this.onWrite = onWrite;
            this.onAlloc = onAlloc;
        }

        abstract void run() throws Exception;
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void releasingTheMemoryUnderneathFirstNeverCrashes(Scenario scenario) throws Exception {
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), scenario.name()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();

        assertThat(process.exitValue()).as("exit code of %s; output:%n%s", scenario, output).isZero();
        assertThat(output).contains(DONE).contains(scenario.onWrite).contains(scenario.onAlloc);
    }

    /** Writes to a segment of the upper allocator and allocates from it; prints what each raised. */
    static void report(MemorySegment segment, Allocator upper) throws IOException {
        try {
            segment.set(JAVA_LONG, 0, 42);
            System.out.println(DONE + "the write succeeded");
        } catch (IllegalStateException expected) {
            System.out.println(DONE + "write: " + expected.getMessage());
        }
        try {
            upper.alloc(8);
            System.out.println(DONE + "the allocation succeeded");
        } catch (IllegalStateException | AllocationException expected) {
            System.out.println(DONE + "alloc: " + expected.getMessage());
        }
    }

    /** Closes an allocator that still has a live allocation (the buffer built on): it reports the leak. */
    static void closeReportingLeaks(GeneralPurposeAllocator gpa) {
        try {
            gpa.close();
        } catch (IllegalStateException leak) {
            System.out.println("close reported: " + leak.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The child JVM's entry point. */
    static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws Exception {
            Scenario.valueOf(args[0]).run();
        }
    }
}
