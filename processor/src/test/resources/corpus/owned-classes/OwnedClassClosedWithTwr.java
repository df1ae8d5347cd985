package corpus.owned_classes;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class OwnedClassClosedWithTwr {
    @Owned
    static final class Handle implements AutoCloseable {
        @Override
        public void close() {
        }
    }

    void use() {
        try (Handle h = new Handle()) {
            System.out.println(h);
        }
    }
}
