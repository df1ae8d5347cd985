package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class NoCloseMethod {
    @Owned private MemorySegment buffer; // expect: [owned-not-freed]

    void set(@Owned MemorySegment b) {
        this.buffer = b;
    }
}
