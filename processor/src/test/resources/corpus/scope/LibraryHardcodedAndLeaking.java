package corpus.scope;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LibraryHardcodedAndLeaking {
    static void run() throws AllocationException {
        MemorySegment s = PageAllocator.INSTANCE.alloc(8); // expect: [hardcoded-allocator] [owned-not-freed]
    }
}
