package corpus.regions;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.allocdiscipline.*;

class UsedWhileArenaOpen {
    byte firstByte(Allocator backing, boolean keep) throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(backing)) {
            MemorySegment name = arena.alloc(16);
            if (!keep) {
                return 0;
            }
            return name.get(ValueLayout.JAVA_BYTE, 0);
        }
    }

    byte closedOnOnePathOnly(Allocator backing, boolean early) throws AllocationException {
        ArenaAllocator arena = new ArenaAllocator(backing);
        boolean closed = false;
        try {
            MemorySegment name = arena.alloc(16);
            if (early) {
                arena.close();
                closed = true;
            }
            // May be closed here: the runtime throws then; only a close on every path is reported.
            return name.get(ValueLayout.JAVA_BYTE, 0);
        } finally {
            if (!closed) {
                arena.close();
            }
        }
    }
}
