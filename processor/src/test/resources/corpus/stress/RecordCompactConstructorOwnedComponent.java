package corpus.stress;

import java.lang.foreign.MemorySegment;
import java.util.Objects;
import org.allocdiscipline.*;

// javac assigns the component fields at the end of a compact constructor: the @Owned parameter is
// stored in its @Owned field there, as in the implicit and the explicit canonical constructor.
record RecordCompactConstructorOwnedComponent(Allocator allocator, @Owned MemorySegment segment) implements AutoCloseable {
    RecordCompactConstructorOwnedComponent {
        Objects.requireNonNull(allocator);
    }

    @Override
    public void close() {
        allocator.free(segment);
    }
}
