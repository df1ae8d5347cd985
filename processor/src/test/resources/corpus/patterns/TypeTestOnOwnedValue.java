package corpus.patterns;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class TypeTestOnOwnedValue {
    void close(Object o) {
        if (o instanceof AutoCloseable) {
            return;
        }
    }
}
