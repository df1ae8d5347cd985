package corpus.wrong_allocator;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FactoryReceiverIsNotTheAllocator {
    private final Allocator allocator;

    FactoryReceiverIsNotTheAllocator(Allocator allocator) {
        this.allocator = allocator;
    }

    @Owned MemorySegment copy(long n) throws AllocationException {
        return allocator.alloc(n);
    }

    static void use(Allocator backing) throws AllocationException {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            FactoryReceiverIsNotTheAllocator library = new FactoryReceiverIsNotTheAllocator(gpa);
            MemorySegment s = library.copy(8);
            gpa.free(s);
        }
    }
}
