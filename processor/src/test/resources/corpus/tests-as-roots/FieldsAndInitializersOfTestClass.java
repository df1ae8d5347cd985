package corpus.tests_as_roots;

import java.util.function.Supplier;
import org.allocdiscipline.*;
import org.junit.jupiter.api.Test;

// The framework makes the test instance: the fields and initializers of a class that declares a test
// method are part of the test.
class FieldsAndInitializersOfTestClass {
    static final Allocator SHARED = PageAllocator.INSTANCE;
    private final Allocator allocator = PageAllocator.THREAD_CONFINED;
    private final Supplier<Allocator> later = () -> PageAllocator.INSTANCE;

    static {
        use(PageAllocator.INSTANCE);
    }

    {
        use(PageAllocator.INSTANCE);
    }

    static void use(Allocator allocator) {
    }

    @Test
    void test() {
        use(allocator);
    }
}
