package corpus.ffmarenas;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An arena field that methods allocate from, and one method that closes it and opens another: only
 * that method can leave the field holding a closed arena, and it does when the allocation between the
 * close and the new arena throws.
 */
final class ArenaFieldReopened implements AutoCloseable {
    private Arena arena = Arena.ofConfined();
    private MemorySegment buffer = arena.allocate(64);

    static void check(long size) throws IOException {
        if (size < 0) {
            throw new IOException("negative size " + size);
        }
    }

    // The field is only the receiver of allocate and scope: nothing here releases it.
    MemorySegment scratch(long size) {
        MemorySegment segment = arena.allocate(size);
        segment.fill((byte) 0);
        return segment.asReadOnly();
    }

    boolean sameScope(MemorySegment other) {
        return this.arena.allocate(1).scope().equals(other.scope());
    }

    // Closed, then a call that throws before the field holds a new arena.
    void resize(long size) throws IOException {
        arena.close();
        check(size); // expect: [double-free] "`arena` still holds the memory freed on line 35 when `check(...)` throws"
        arena = Arena.ofConfined();
        buffer = arena.allocate(size);
    }

    // Opened first, closed after: the field never holds a closed arena.
    void replace(long size) {
        Arena next = Arena.ofConfined();
        MemorySegment fresh = next.allocate(size);
        arena.close();
        arena = next;
        buffer = fresh;
    }

    @Override
    public void close() {
        arena.close();
    }
}
