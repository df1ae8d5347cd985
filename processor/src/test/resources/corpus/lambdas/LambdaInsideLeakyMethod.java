package corpus.lambdas;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class LambdaInsideLeakyMethod {
    void run(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        Runnable r = () -> System.out.println("hello");
        r.run();
    }
}
