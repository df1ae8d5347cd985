package corpus.scope;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LibraryHardcodedAndLeaking {
    static void run() throws AllocationException {
        MemorySegment s = PageAllocator.INSTANCE.alloc(8); // expect: [hardcoded-allocator] "corpus.scope.LibraryHardcodedAndLeaking.run() names the global PageAllocator.INSTANCE instead of taking an allocator from its caller" [owned-not-freed] "The owned value from `INSTANCE.alloc(...)` is not freed when the method ends (line 9)"
    }
}
