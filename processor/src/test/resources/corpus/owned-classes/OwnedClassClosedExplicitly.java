package corpus.owned_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class OwnedClassClosedExplicitly {
    @Owned
    static final class Handle implements AutoCloseable {
        @Override
        public void close() {
        }
    }

    void use() {
        Handle h = new Handle();
        h.close();
    }
}
