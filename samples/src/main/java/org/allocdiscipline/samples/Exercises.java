package org.allocdiscipline.samples;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.ChoosesAllocator;
import org.allocdiscipline.GeneralPurposeAllocator;
import org.allocdiscipline.ArenaAllocator;
import org.allocdiscipline.PageAllocator;

/** Exercises 12-5 to 12-8 of the source document. */
@ChoosesAllocator // a demo program: it picks the allocators it compares
public final class Exercises {
    private static final int SMALL_ALLOCATIONS = 10_000;

    private Exercises() {
    }

    public static void main(String[] args) throws AllocationException, IOException {
        exercise12dash5();
        exercise12dash7();
        exercise12dash8();
    }

    /** 12-5: allocate 4096 bytes with the page allocator, fill them with zero, and free them. */
    static void exercise12dash5() throws AllocationException {
        MemorySegment page = PageAllocator.INSTANCE.alloc(4096);
        try {
            page.fill((byte) 0);
            System.out.printf("12-5: %d bytes from the page allocator, zeroed and freed%n", page.byteSize());
        } finally {
            PageAllocator.INSTANCE.free(page);
        }
    }

    /** 12-6 is {@link Buffers#makeBuffer}; 12-7: the caller chooses the page allocator for it. */
    static void exercise12dash7() throws AllocationException {
        Allocator chosen = PageAllocator.INSTANCE;
        MemorySegment buffer = Buffers.makeBuffer(chosen, 1024);
        try {
            System.out.printf("12-7: makeBuffer(PageAllocator.INSTANCE, 1024) gave %d bytes; the caller frees them%n",
                    buffer.byteSize());
        } finally {
            chosen.free(buffer);
        }
    }

    /**
     * 12-8, answered by measurement: thousands of small allocations through the page allocator
     * cost a system call pair and a whole page each. Keeps 10,000 allocations of 8 bytes live,
     * touches each, and reports resident memory growth and time per allocation.
     */
    static void exercise12dash8() throws AllocationException, IOException {
        Measurement pages = measure(PageAllocator.INSTANCE);
        Measurement arena;
        try (ArenaAllocator allocator = new ArenaAllocator(PageAllocator.INSTANCE)) {
            arena = measure(allocator);
        }
        Measurement general;
        try (GeneralPurposeAllocator allocator = new GeneralPurposeAllocator(PageAllocator.INSTANCE)) {
            general = measure(allocator);
        }
        System.out.printf("12-8: %,d live allocations of 8 bytes (%,d bytes requested)%n",
                SMALL_ALLOCATIONS, SMALL_ALLOCATIONS * 8L);
        System.out.printf("      page allocator:  %,d KiB resident, %,.0f ns per alloc+free%n",
                pages.residentKib(), pages.nanosPerAllocation());
        System.out.printf("      arena over it:   %,d KiB resident, %,.0f ns per alloc+free%n",
                arena.residentKib(), arena.nanosPerAllocation());
        System.out.printf("      general-purpose: %,d KiB resident, %,.0f ns per alloc+free%n",
                general.residentKib(), general.nanosPerAllocation());
        System.out.println("      each page allocation maps at least one page (" + PageAllocator.pageSize()
                + " bytes) and costs system calls;");
        System.out.println("      an arena or a general-purpose allocator on top amortizes both over large chunks.");
    }

    private record Measurement(long residentKib, double nanosPerAllocation) {
    }

    // The list `live` owns the segments until the loop below frees them; the checker does not follow
    // values into collections (it treats them as lent), so it would report each allocation here.
    @SuppressWarnings("owned-not-freed")
    private static Measurement measure(Allocator allocator) throws AllocationException, IOException {
        List<MemorySegment> live = new ArrayList<>(SMALL_ALLOCATIONS);
        long residentBefore = residentKib();
        long start = System.nanoTime();
        for (int i = 0; i < SMALL_ALLOCATIONS; i++) {
            MemorySegment p = allocator.alloc(8);
            p.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, i);
            live.add(p);
        }
        long residentAfter = residentKib();
        for (MemorySegment p : live) {
            allocator.free(p);
        }
        long elapsed = System.nanoTime() - start;
        return new Measurement(Math.max(0, residentAfter - residentBefore), (double) elapsed / SMALL_ALLOCATIONS);
    }

    /** Resident set size from /proc (Linux); -1 elsewhere. */
    private static long residentKib() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
