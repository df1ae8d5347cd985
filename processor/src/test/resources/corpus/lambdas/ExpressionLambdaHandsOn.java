package corpus.lambdas;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class ExpressionLambdaHandsOn {
    interface Maker {
        @Owned MemorySegment make() throws AllocationException;
    }

    Maker maker(Allocator allocator) {
        return () -> allocator.alloc(8);
    }
}
