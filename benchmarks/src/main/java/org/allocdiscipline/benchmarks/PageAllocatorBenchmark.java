package org.allocdiscipline.benchmarks;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.PageAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One alloc + free through each page allocator mode against bare mmap + munmap downcalls. The
 * pages are not touched: what differs between the variants is the bookkeeping and the
 * invalidation, not the page faults.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PageAllocatorBenchmark {

    @Param({"4096", "1048576"})
    public long size;

    @Benchmark
    public long rawMmapMunmap() throws Throwable {
        long address = RawPages.map(size);
        RawPages.unmap(address, size);
        return address;
    }

    @Benchmark
    public long pageUnchecked() throws AllocationException {
        return allocAndFree(PageAllocator.UNCHECKED);
    }

    @Benchmark
    public long pageThreadConfined() throws AllocationException {
        return allocAndFree(PageAllocator.THREAD_CONFINED);
    }

    @Benchmark
    public long pageShared() throws AllocationException {
        return allocAndFree(PageAllocator.INSTANCE);
    }

    private long allocAndFree(PageAllocator allocator) throws AllocationException {
        MemorySegment segment = allocator.alloc(size);
        allocator.free(segment);
        return segment.address();
    }
}
