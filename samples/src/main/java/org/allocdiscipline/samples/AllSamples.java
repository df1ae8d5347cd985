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
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }
}
