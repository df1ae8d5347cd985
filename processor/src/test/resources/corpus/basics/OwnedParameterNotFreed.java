package corpus.basics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class OwnedParameterNotFreed {
    void take(@Owned MemorySegment s) { // expect: [owned-not-freed] "The @Owned parameter `s` is not freed when the method ends (line 9)"
        s.fill((byte) 0);
    }
}
