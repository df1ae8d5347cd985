package corpus.overrides;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class InterfaceOwnedMethodOverride {
    interface Source {
        @Owned MemorySegment next() throws AllocationException;
    }

    static final class Counting implements Source {
        private final Allocator allocator;

        Counting(Allocator allocator) {
            this.allocator = allocator;
        }

        @Override
        public MemorySegment next() throws AllocationException {
            return allocator.alloc(8);
        }
    }

    void use(Counting source) throws AllocationException {
        MemorySegment s = source.next(); // expect: [owned-not-freed]
        System.out.println(s);
    }
}
