package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class OwnedParameterFreed {
    void take(Allocator allocator, @Owned MemorySegment s) {
        allocator.free(s);
    }
}
