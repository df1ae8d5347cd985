package corpus.owned_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class OwnedSubclassInherits {
    @Owned
    static class Handle implements AutoCloseable {
        @Override
        public void close() {
        }
    }

    static final class Special extends Handle {
    }

    void use() {
        Special s = new Special(); // expect: [owned-not-freed]
    }
}
