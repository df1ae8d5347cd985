package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class SuppressedField {
    @SuppressWarnings("owned-not-freed")
    @Owned private MemorySegment buffer;
}
