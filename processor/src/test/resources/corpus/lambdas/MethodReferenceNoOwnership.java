package corpus.lambdas;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class MethodReferenceNoOwnership {
    java.util.function.ToLongFunction<MemorySegment> size() {
        return MemorySegment::byteSize;
    }
}
