package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class NoCloseMethod {
    @Owned private MemorySegment buffer; // expect: [owned-not-freed] "The @Owned field `buffer` of corpus.owned_fields.NoCloseMethod is never released: the class has no close() method"

    void set(@Owned MemorySegment b) {
        this.buffer = b;
    }
}
