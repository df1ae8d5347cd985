package corpus.stress;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// A compact constructor that throws before its end stores nothing: the caller still owns the argument
// (an @Owned parameter is handed back by an exception), and the record's close() frees the field.
record RecordCompactConstructorReturnsEarly(Allocator allocator, @Owned MemorySegment segment) implements AutoCloseable {
    RecordCompactConstructorReturnsEarly {
        if (segment.byteSize() == 0) {
            throw new IllegalArgumentException("empty");
        }
    }

    @Override
    public void close() {
        allocator.free(segment);
    }

    static void use(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(16);
        try (RecordCompactConstructorReturnsEarly r = new RecordCompactConstructorReturnsEarly(allocator, s)) {
            r.segment().fill((byte) 0);
        }
    }
}
