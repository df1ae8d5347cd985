package corpus.tests_as_roots;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;
import org.junit.jupiter.api.Test;

// A test chooses its allocator, but a leak in a test is still a leak.
class LeaksInTestsStillReported {
    @Test
    void leaks() throws AllocationException {
        MemorySegment s = PageAllocator.INSTANCE.alloc(64); // expect: [owned-not-freed]
        s.fill((byte) 0);
    }
}
