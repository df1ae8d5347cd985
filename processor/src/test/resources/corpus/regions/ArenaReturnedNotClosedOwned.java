package corpus.regions;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ArenaReturnedNotClosedOwned {
    @Owned ArenaAllocator scratch(Allocator backing) {
        return new ArenaAllocator(backing);
    }
}
