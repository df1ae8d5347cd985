package corpus.initializers;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class StaticInitializerFrees {
    static final long SIZE;

    static {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) { // expect: [hardcoded-allocator] "The initializer corpus.initializers.StaticInitializerFrees.<clinit> names the global PageAllocator.INSTANCE as argument `child` of ArenaAllocator(Allocator)"
            SIZE = arena.alloc(8).byteSize();
        } catch (AllocationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
