package corpus.owned_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class OwnedClassUsedAfterClose {
    @Owned
    static final class Handle implements AutoCloseable {
        void touch() {
        }

        @Override
        public void close() {
        }
    }

    void use() {
        Handle h = new Handle();
        h.close();
        h.touch(); // expect: [use-after-free]
    }
}
