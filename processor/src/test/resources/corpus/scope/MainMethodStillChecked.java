package corpus.scope;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class MainMethodStillChecked {
    public static void main(String[] args) throws AllocationException {
        MemorySegment s = PageAllocator.INSTANCE.alloc(64); // expect: [owned-not-freed]
        s.fill((byte) 0);
    }
}
