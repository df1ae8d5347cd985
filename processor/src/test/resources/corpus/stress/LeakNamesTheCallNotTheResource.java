package corpus.stress;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// The call that throws is what leaks the value; the resource's close() on the way out only passes the
// exception on, so the message names the call, not the resource declared on an earlier line.
class LeakNamesTheCallNotTheResource {
    interface Sink extends AutoCloseable {
        void write(MemorySegment segment) throws IOException;

        @Override
        void close() throws IOException;
    }

    void copy(Allocator allocator, Sink sink) throws IOException, AllocationException {
        try (Sink open = sink) {
            MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed] "thrown by `open.write(...)` on line 20"
            open.write(s);
            allocator.free(s);
        }
    }
}
