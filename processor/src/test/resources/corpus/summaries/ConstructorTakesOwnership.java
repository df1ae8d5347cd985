package corpus.summaries;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// A constructor that stores its argument in an @Owned field takes it over: no annotation is needed on
// the parameter of a constructor.
final class ConstructorTakesOwnership implements AutoCloseable {
    private final Allocator allocator;
    @Owned private final MemorySegment data;

    ConstructorTakesOwnership(Allocator allocator, MemorySegment data) {
        this.allocator = allocator;
        this.data = data;
    }

    static void build(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(64);
        try (ConstructorTakesOwnership holder = new ConstructorTakesOwnership(allocator, s)) {
            holder.data.fill((byte) 0);
        }
    }

    static void freesTwice(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(64);
        ConstructorTakesOwnership holder = new ConstructorTakesOwnership(allocator, s);
        holder.close();
        allocator.free(s); // expect: [double-free] "released by `new ConstructorTakesOwnership(...)` on line 26"
    }

    @Override
    public void close() {
        allocator.free(data);
    }
}
