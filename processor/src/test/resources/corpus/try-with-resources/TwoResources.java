package corpus.try_with_resources;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class TwoResources {
    void work(Allocator backing, java.nio.file.Path p) throws AllocationException, java.io.IOException {
        try (ArenaAllocator arena = new ArenaAllocator(backing);
             java.io.InputStream in = java.nio.file.Files.newInputStream(p)) {
            MemorySegment s = arena.alloc(in.available());
            s.fill((byte) 0);
        }
    }
}
