package corpus.owned_fields;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// A value stored into a field the object owns is the object's now, and still alive: the code that
// stored it may go on using it, through the local it came from.
final class UsedAfterStoringIntoTheField implements AutoCloseable {
    private final Allocator allocator;
    @Owned private MemorySegment storage;
    private final Arena arena;
    private final MemorySegment buffer;

    UsedAfterStoringIntoTheField(Allocator allocator, long size) throws AllocationException {
        this.allocator = allocator;
        MemorySegment fresh = allocator.alloc(size);
        this.storage = fresh;
        fresh.fill((byte) 0);
        Arena made = Arena.ofConfined();
        this.arena = made;
        this.buffer = made.allocate(size);
    }

    @Override
    public void close() {
        allocator.free(storage);
        arena.close();
    }
}
