package org.allocdiscipline.testing;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.support.HeapBackedAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * Runs tests that are wrong on purpose (the nested fixture classes, which Surefire skips: they
 * are nested and tagged {@value #FIXTURE}) through the JUnit engine, and checks that each one
 * fails, and with which message.
 */
class DetectorsFireTest {
    static final String FIXTURE = "deliberately-failing";

    @Test
    void aLeakFailsTheTestNamingWhereTheMemoryWasAllocated() {
        Map<String, Throwable> results = run(Fixtures.class);

        assertThat(results).containsEntry("freesEverything", null);
        assertThat(results.get("leaksTwice"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("2 leaks (24 bytes): memory allocated and never freed")
                .hasMessageContaining("1. leak of 8 bytes (alignment 1)")
                .hasMessageMatching("(?s).*\tat org\\.allocdiscipline\\.testing\\.DetectorsFireTest\\$Fixtures\\.leaksTwice"
                        + "\\(DetectorsFireTest\\.java:\\d+\\).*")
                .hasMessageContaining("2. leak of 16 bytes (alignment 4)");
    }

    @Test
    void bothParameterTypesGetTheSameTestingAllocator() {
        assertThat(run(Fixtures.class)).containsEntry("getsOneAllocatorForBothParameters", null);
    }

    @Test
    void aDoubleFreeFailsTheTestWithBothTraces() {
        Throwable failure = run(Fixtures.class).get("freesTwice");

        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("double free: free of the 4-byte segment at 0x")
                .hasMessageContaining("already freed at org.allocdiscipline.testing.DetectorsFireTest$Fixtures.freesTwice");
        assertThat(failure.getCause()).hasMessageStartingWith("first freed here");
        assertThat(failure.getCause().getCause()).hasMessageStartingWith("allocated here: 4 bytes");
    }

    @Test
    void aUseAfterFreeFailsTheTestListingTheFreedAllocation() {
        Throwable failure = run(Fixtures.class).get("readsAfterFree");

        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("use after free: the test accessed memory that was already freed")
                .hasMessageContaining("1. freed: 12 bytes (alignment 4)")
                .hasMessageContaining("at org.allocdiscipline.testing.DetectorsFireTest$Fixtures.readsAfterFree");
        assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("Already closed");
    }

    @Test
    void aForeignFreeFailsTheTest() {
        assertThat(run(Fixtures.class).get("freesThroughTheWrongAllocator"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("foreign free")
                .hasMessageContaining("was allocated by another TestingAllocator");
    }

    @Test
    void aSwallowedAllocationFailureFailsTheTest() {
        assertThat(run(Fixtures.class).get("swallowsAFailure"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the AllocationException was swallowed")
                .hasMessageContaining("The induced failure: org.allocdiscipline.AllocationException: FailingAllocator:"
                        + " allocation #1 (0-based) fails on purpose")
                .hasMessageContaining("at org.allocdiscipline.testing.DetectorsFireTest$Fixtures.lookUp");
    }

    @Test
    void aSwallowedDoubleFreeFailsTheTestThatPassedOtherwise() {
        assertThat(run(Fixtures.class).get("swallowsADoubleFree"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("the TestingAllocator caught a misuse, which the code under test swallowed:"
                        + " double free: free of the 4-byte segment at 0x")
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was already freed at org.allocdiscipline.testing.DetectorsFireTest$Fixtures"
                        + ".swallowsADoubleFree(");
    }

    @Test
    void aMisuseSuppressedUnderAnExpectedExceptionFailsTheTest() {
        assertThat(run(Fixtures.class).get("expectsAFailureThatHidesADoubleFree"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the TestingAllocator caught a misuse, which the code under test swallowed:"
                        + " double free");
    }

    @Test
    void aTestThatFailsOnTheMisuseItselfIsNotReportedTwice() {
        Throwable failure = run(Fixtures.class).get("freesTwice");
        assertThat(failure).isInstanceOf(IllegalStateException.class);
        assertThat(failure.getSuppressed()).isEmpty();
    }

    @Test
    void aLeakOnAnErrorPathFailsTheTest() {
        assertThat(run(Fixtures.class).get("leaksWhenTheSecondAllocationFails"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("allocation #1 (0-based) of 2 failed, the code leaked 1 leak (32 bytes)");
    }

    @Test
    void aLeakOfTheClassWideAllocatorFailsTheClass() {
        Map<String, Throwable> results = run(ClassWideFixture.class);

        assertThat(results).containsEntry("usesTheClassAllocator", null);
        assertThat(results.get(ClassWideFixture.class.getName()))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("1 leak (64 bytes)")
                .hasMessageContaining("DetectorsFireTest$ClassWideFixture.allocateForAllTests");
    }

    @Test
    void extendWithUsesThePageAllocatorAndReportsLeaks() {
        Map<String, Throwable> results = run(DefaultBackingFixture.class);

        assertThat(results).containsEntry("freesEverything", null);
        assertThat(results.get("leaks"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("1 leak (100 bytes)")
                .hasMessageContaining("at org.allocdiscipline.testing.DetectorsFireTest$DefaultBackingFixture.leaks(");
    }

    /**
     * Runs a fixture class and returns, per test method name (or class name for the class
     * itself), the throwable it failed with, or null when it passed.
     */
    private static Map<String, Throwable> run(Class<?> fixture) {
        List<Event> finished = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .allEvents()
                .filter(e -> e.getType() == EventType.FINISHED)
                .toList();
        Map<String, Throwable> results = new HashMap<>();
        for (Event event : finished) {
            TestExecutionResult result = event.getPayload(TestExecutionResult.class).orElseThrow();
            event.getTestDescriptor().getSource().ifPresent(source -> {
                String name = source instanceof MethodSource m ? m.getMethodName()
                        : source instanceof ClassSource c ? c.getClassName() : null;
                if (name != null) {
                    results.put(name, result.getThrowable().orElse(null));
                }
            });
        }
        return results;
    }

    @Tag(FIXTURE)
    static class Fixtures {
        @RegisterExtension
        static final AllocatorExtension ALLOCATORS = new AllocatorExtension(new HeapBackedAllocator());

        @Test
        void freesEverything(Allocator allocator) throws AllocationException {
            allocator.free(allocator.alloc(100));
        }

        @Test
        void getsOneAllocatorForBothParameters(Allocator allocator, TestingAllocator testing) throws AllocationException {
            MemorySegment segment = allocator.alloc(10);
            assertThat(testing.leaks()).hasSize(1);
            testing.free(segment);
        }

        @Test
        void leaksTwice(Allocator allocator) throws AllocationException {
            allocator.alloc(8);
            allocator.alloc(JAVA_INT, 4);
        }

        @Test
        void freesTwice(Allocator allocator) throws AllocationException {
            MemorySegment segment = allocator.alloc(4);
            allocator.free(segment);
            allocator.free(segment);
        }

        @Test
        void swallowsADoubleFree(Allocator allocator) throws AllocationException {
            MemorySegment segment = allocator.alloc(4);
            allocator.free(segment);
            try {
                allocator.free(segment);
            } catch (IllegalStateException ignored) {
                // the bug under test
            }
        }

        /** The double free is suppressed under the exception the test expects, as try-with-resources does. */
        @Test
        void expectsAFailureThatHidesADoubleFree(Allocator allocator) throws AllocationException {
            MemorySegment segment = allocator.alloc(4);
            allocator.free(segment);
            Throwable expected = catchThrowable(() -> {
                try {
                    throw new java.io.IOException("disk full");
                } finally {
                    allocator.free(segment);
                }
            });
            assertThat(expected).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void readsAfterFree(Allocator allocator) throws AllocationException {
            MemorySegment segment = allocator.alloc(JAVA_INT, 3);
            allocator.free(segment);
            segment.get(JAVA_INT, 0);
        }

        @Test
        void freesThroughTheWrongAllocator(Allocator allocator) throws AllocationException {
            try (TestingAllocator other = new TestingAllocator(new HeapBackedAllocator())) {
                MemorySegment segment = other.alloc(4);
                try {
                    allocator.free(segment);
                } finally {
                    other.free(segment);
                }
            }
        }

        @Test
        void swallowsAFailure() {
            AllocationFailures.checkAll(new HeapBackedAllocator(), Fixtures::lookUp);
        }

        @Test
        void leaksWhenTheSecondAllocationFails() {
            AllocationFailures.checkAll(new HeapBackedAllocator(), allocator -> {
                MemorySegment key = allocator.alloc(32);
                MemorySegment value = allocator.alloc(64);
                allocator.free(value);
                allocator.free(key);
            });
        }

        /** Falls back to "not found" when its buffer cannot be allocated: the failure is lost. */
        static void lookUp(Allocator allocator) throws AllocationException {
            MemorySegment key = allocator.alloc(16);
            try {
                allocator.free(allocator.alloc(256));
            } catch (AllocationException e) {
                // returns "not found" instead of passing the failure on
            }
            allocator.free(key);
        }
    }

    @Tag(FIXTURE)
    @ExtendWith(AllocatorExtension.class)
    static class DefaultBackingFixture {
        @Test
        void freesEverything(TestingAllocator allocator) throws AllocationException {
            allocator.free(allocator.alloc(100));
        }

        @Test
        void leaks(Allocator allocator) throws AllocationException {
            allocator.alloc(100).fill((byte) 1);
        }
    }

    @Tag(FIXTURE)
    static class ClassWideFixture {
        @RegisterExtension
        static final AllocatorExtension ALLOCATORS = new AllocatorExtension(new HeapBackedAllocator());

        static MemorySegment forAllTests;

        @BeforeAll
        static void allocateForAllTests(Allocator allocator) throws AllocationException {
            forAllTests = allocator.alloc(64);
        }

        @Test
        void usesTheClassAllocator() {
            forAllTests.set(JAVA_INT, 0, 1);
        }

        @AfterAll
        static void forgetsToFree() {
            forAllTests = null;
        }
    }
}
