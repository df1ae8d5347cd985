package corpus.owned_fields;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

final class FieldArenaClosed implements AutoCloseable {
    @Owned private final ArenaAllocator arena;

    FieldArenaClosed(Allocator backing) {
        this.arena = new ArenaAllocator(backing);
    }

    @Override
    public void close() {
        arena.close();
    }
}
