package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class NoOwnership {
    long plain(MemorySegment s) {
        return s.byteSize() * 2;
    }
}
