package corpus.records;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

record RecordCompactConstructorLeaks(Allocator allocator, long size) {
    RecordCompactConstructorLeaks {
        try {
            MemorySegment probe = allocator.alloc(size); // expect: [owned-not-freed]
        } catch (AllocationException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
