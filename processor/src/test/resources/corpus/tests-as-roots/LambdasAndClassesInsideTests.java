package corpus.tests_as_roots;

import java.util.function.Supplier;
import org.allocdiscipline.*;
import org.junit.jupiter.api.Test;

// As in main: lambdas, anonymous and local classes inside a test method are part of it.
class LambdasAndClassesInsideTests {
    static void use(Allocator allocator) {
    }

    @Test
    void lambdaAndClasses() {
        Supplier<Allocator> lambda = () -> PageAllocator.INSTANCE;
        Runnable anonymous = new Runnable() {
            @Override
            public void run() {
                use(PageAllocator.INSTANCE);
            }
        };
        class Local {
            final Allocator allocator = PageAllocator.INSTANCE;

            void run() {
                use(PageAllocator.INSTANCE);
            }
        }
        use(lambda.get());
        anonymous.run();
        new Local().run();
    }
}
