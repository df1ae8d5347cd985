package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class OwnedParameterNotFreed {
    void take(@Owned MemorySegment s) { // expect: [owned-not-freed]
        s.fill((byte) 0);
    }
}
