package corpus.nested_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

interface InterfaceDefaultMethodLeaks {
    Allocator allocator();

    default void work() throws AllocationException {
        MemorySegment s = allocator().alloc(8); // expect: [owned-not-freed]
        s.fill((byte) 0);
    }
}
