package corpus.owned_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class OwnedClassNotClosed {
    @Owned
    static final class Handle implements AutoCloseable {
        @Override
        public void close() {
        }
    }

    void use() {
        Handle h = new Handle(); // expect: [owned-not-freed]
        System.out.println(h);
    }
}
