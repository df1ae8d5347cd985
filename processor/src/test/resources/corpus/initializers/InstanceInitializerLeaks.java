package corpus.initializers;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class InstanceInitializerLeaks {
    private final Allocator allocator;

    {
        allocator = null;
    }

    InstanceInitializerLeaks(Allocator allocator) throws AllocationException {
        MemorySegment probe = allocator.alloc(1); // expect: [owned-not-freed]
    }
}
