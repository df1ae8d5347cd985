package corpus.lambdas;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class VoidLambdaDiscards {
    interface Action {
        void run() throws AllocationException;
    }

    Action action(Allocator allocator) {
        return () -> allocator.alloc(8); // expect: [owned-not-freed]
    }
}
