import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// JEP 512: a compact source file has no constructor, so the hint for a field cannot be "take it in the constructors".
Allocator allocator = PageAllocator.INSTANCE; // expect: [hardcoded-allocator] "make one in main()"

void main() throws AllocationException {
    MemorySegment s = allocator.alloc(8);
    allocator.free(s);
}
