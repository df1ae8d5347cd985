package corpus.nested_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class AnonymousAllocatorSubclass {
    long work(Allocator allocator) throws AllocationException {
        Object marker = new Object() {
            @Override
            public String toString() {
                return "marker";
            }
        };
        MemorySegment s = allocator.alloc(8);
        long n = s.byteSize() + marker.hashCode();
        allocator.free(s);
        return n;
    }
}
