package corpus.generics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class GenericHolderLeaks<T> {
    T value;

    void store(Allocator allocator, T v) throws AllocationException {
        value = v;
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
    }
}
