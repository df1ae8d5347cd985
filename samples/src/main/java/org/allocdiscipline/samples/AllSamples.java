package org.allocdiscipline.samples;

/** Runs every sample in the order of the source document. */
public final class AllSamples {
    private AllSamples() {
    }

    public static void main(String[] args) throws Exception {
        section("The page allocator: 100 bytes");
        PageAllocatorHello.main(args);
        section("Many tiny allocations");
        TinyAllocations.main(args);
        section("The page allocator as a base allocator: an arena on top");
        ArenaOverPages.main(args);
        section("Large independent regions: one megabyte");
        OneMegabyteRegion.main(args);
        section("Allocation can fail: the try is part of the contract");
        FallibleAllocation.main(args);
        section("Exercises 12-5 to 12-8");
        Exercises.main(args);
        section("The checker on deliberately wrong library code");
        WrongCodeFindings.main(args);
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }
}
