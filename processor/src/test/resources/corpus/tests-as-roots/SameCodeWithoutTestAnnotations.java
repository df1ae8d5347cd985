package corpus.tests_as_roots;

import org.allocdiscipline.*;

// The same code as in a test class, without the annotations: library code.
class SameCodeWithoutTestAnnotations {
    static final Allocator SHARED = PageAllocator.INSTANCE; // expect: [hardcoded-allocator]

    static {
        use(PageAllocator.INSTANCE); // expect: [hardcoded-allocator]
    }

    static void use(Allocator allocator) {
    }

    void test() {
        use(PageAllocator.INSTANCE); // expect: [hardcoded-allocator]
    }

    static void beforeAll() {
        Runnable r = () -> use(PageAllocator.INSTANCE); // expect: [hardcoded-allocator]
        r.run();
    }
}
