package corpus.owned_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class OwnedClassDiscarded {
    @Owned
    static final class Handle implements AutoCloseable {
        @Override
        public void close() {
        }
    }

    void use() {
        new Handle(); // expect: [owned-not-freed]
    }
}
