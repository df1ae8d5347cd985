package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.testing.AllocationFailures;
import org.allocdiscipline.testing.AllocatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AllocatorExtension.class)
class CStringsTest {

    @Test
    void joinsTwoStrings(Allocator allocator) throws AllocationException {   // a TestingAllocator: fails on a leak
        MemorySegment joined = CStrings.join(allocator, "off", "heap");
        try {
            assertEquals("offheap", joined.getString(0));
            assertEquals(8, joined.byteSize());
            assertEquals(0, joined.get(ValueLayout.JAVA_BYTE, 7));
        } finally {
            allocator.free(joined);
        }
    }

    @Test
    void survivesEveryAllocationFailure(Allocator allocator) {
        AllocationFailures.checkAll(allocator, each -> each.free(CStrings.join(each, "a", "b")));
    }
}
