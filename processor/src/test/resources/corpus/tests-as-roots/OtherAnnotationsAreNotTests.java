package corpus.tests_as_roots;

import org.allocdiscipline.*;

// An annotation that happens to be called Test, in another package, is no test framework's.
class OtherAnnotationsAreNotTests {
    @interface Test {
    }

    static void use(Allocator allocator) {
    }

    @Test
    void test() {
        use(PageAllocator.INSTANCE); // expect: [hardcoded-allocator]
    }
}
