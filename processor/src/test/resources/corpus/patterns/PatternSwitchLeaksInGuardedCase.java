package corpus.patterns;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class PatternSwitchLeaksInGuardedCase {
    sealed interface Shape permits Circle, Square { }
    record Circle(double r) implements Shape { }
    record Square(double side) implements Shape { }

    double area(Allocator allocator, Shape shape) throws AllocationException {
        MemorySegment s = allocator.alloc(8); // expect: [owned-not-freed]
        switch (shape) {
            case Circle c when c.r() > 10 -> {
                return 0;
            }
            case Circle c -> allocator.free(s);
            case Square q -> allocator.free(s);
        }
        return 1;
    }
}
