package org.allocdiscipline;

import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;

import org.allocdiscipline.testing.TestingAllocator;

/**
 * Every allocator configuration that must pass the shared conformance and property tests. A new
 * allocator joins the suite by adding a constant here.
 */
enum AllocatorFixture {
    PAGE_SHARED(() -> Fixture.of(PageAllocator.INSTANCE)),
    PAGE_THREAD_CONFINED(() -> Fixture.of(PageAllocator.THREAD_CONFINED)),
    PAGE_UNCHECKED(() -> Fixture.of(PageAllocator.UNCHECKED)),
    ARENA_OVER_PAGES(() -> Fixture.closing(new ArenaAllocator(PageAllocator.INSTANCE))),
    ARENA_THREAD_CONFINED(() -> Fixture.closing(new ArenaAllocator(PageAllocator.INSTANCE, Safety.THREAD_CONFINED))),
    ARENA_UNCHECKED(() -> Fixture.closing(new ArenaAllocator(PageAllocator.UNCHECKED, Safety.UNCHECKED))),
    ARENA_WITH_INITIAL_CAPACITY(AllocatorFixture::arenaWithInitialCapacity),
    ARENA_OVER_ARENA(() -> {
        ArenaAllocator outer = new ArenaAllocator(PageAllocator.INSTANCE);
        ArenaAllocator inner = new ArenaAllocator(outer);
        return new Fixture(inner, () -> {
            inner.close();
            outer.close();
        });
    }),
    FIXED_BUFFER(() -> fixedBuffer(Safety.SHARED)),
    FIXED_BUFFER_UNCHECKED(() -> fixedBuffer(Safety.UNCHECKED)),
    GPA_OVER_PAGES(() -> gpa(PageAllocator.INSTANCE, Safety.SHARED)),
    GPA_THREAD_CONFINED(() -> gpa(PageAllocator.INSTANCE, Safety.THREAD_CONFINED)),
    GPA_UNCHECKED(() -> gpa(PageAllocator.UNCHECKED, Safety.UNCHECKED)),
    GPA_OVER_ARENA(() -> {
        ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE);
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(arena);
        return new Fixture(gpa, () -> {
            gpa.close();
            arena.close();
        });
    }),
    TESTING_OVER_GPA(() -> {
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(PageAllocator.INSTANCE);
        TestingAllocator testing = new TestingAllocator(gpa);
        return new Fixture(testing, () -> {
            testing.close();
            gpa.close();
        });
    }),
    TESTING_THREAD_CONFINED(() -> {
        TestingAllocator testing = new TestingAllocator(PageAllocator.INSTANCE, Safety.THREAD_CONFINED);
        return new Fixture(testing, testing::close);
    });

    /** Big enough for every conformance case, including alignments beyond a page. */
    static final long FIXED_BUFFER_BYTES = 64L << 20;

    private final Supplier<Fixture> factory;

    AllocatorFixture(Supplier<Fixture> factory) {
        this.factory = factory;
    }

    Fixture open() {
        return factory.get();
    }

    /** Whether freeing a segment makes the allocator's memory reusable (false for bump allocators). */
    boolean reclaimsEachFree() {
        return name().startsWith("PAGE") || name().startsWith("GPA") || name().startsWith("TESTING");
    }

    /** Closing checks that the test freed everything: a leak fails the test. */
    private static Fixture gpa(Allocator backing, Safety safety) {
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing, safety);
        return new Fixture(gpa, gpa::close);
    }

    /** Its first chunk made by the constructor, before any allocation, rather than by the first one. */
    private static Fixture arenaWithInitialCapacity() {
        try {
            return Fixture.closing(new ArenaAllocator(PageAllocator.INSTANCE, Safety.SHARED, 1 << 20));
        } catch (AllocationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Fixture fixedBuffer(Safety safety) {
        MemorySegment buffer;
        try {
            buffer = PageAllocator.INSTANCE.alloc(FIXED_BUFFER_BYTES);
        } catch (AllocationException e) {
            throw new IllegalStateException(e);
        }
        FixedBufferAllocator allocator = new FixedBufferAllocator(buffer, safety);
        return new Fixture(allocator, () -> {
            allocator.close();
            PageAllocator.INSTANCE.free(buffer);
        });
    }

    /** An allocator under test and what releases it afterwards. */
    record Fixture(Allocator allocator, Runnable release) implements AutoCloseable {
        static Fixture of(Allocator allocator) {
            return new Fixture(allocator, () -> { });
        }

        static Fixture closing(ArenaAllocator arena) {
            return new Fixture(arena, arena::close);
        }

        @Override
        public void close() {
            release.run();
        }
    }
}
