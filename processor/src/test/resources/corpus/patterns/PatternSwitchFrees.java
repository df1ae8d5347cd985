package corpus.patterns;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class PatternSwitchFrees {
    sealed interface Shape permits Circle, Square { }
    record Circle(double r) implements Shape { }
    record Square(double side) implements Shape { }

    double area(Allocator allocator, Shape shape) throws AllocationException {
        MemorySegment s = allocator.alloc(8);
        try {
            return switch (shape) {
                case Circle c when c.r() > 10 -> 0;
                case Circle c -> Math.PI * c.r() * c.r();
                case Square q -> q.side() * q.side();
            };
        } finally {
            allocator.free(s);
        }
    }
}
