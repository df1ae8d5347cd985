package org.allocdiscipline.samples;

import java.lang.foreign.MemorySegment;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.PageAllocator;

/**
 * "The try is not decoration": allocation is fallible, and handling the failure is part of the
 * contract. {@link AllocationException} is checked, so the compiler insists.
 */
public final class FallibleAllocation {
    private FallibleAllocation() {
    }

    public static void main(String[] args) {
        Allocator allocator = PageAllocator.INSTANCE;
        long n = 1L << 50; // a petabyte: more than this machine can map
        try {
            MemorySegment memory = allocator.alloc(n);
            allocator.free(memory);
            System.out.println("unexpectedly got a petabyte");
        } catch (AllocationException e) {
            System.out.println("allocation failed, handled: " + e.getMessage());
        }
    }
}
