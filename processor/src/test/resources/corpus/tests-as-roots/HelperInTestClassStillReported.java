package corpus.tests_as_roots;

import org.allocdiscipline.*;
import org.junit.jupiter.api.Test;

// A helper of a test is not itself run by the framework: it takes the allocator from the test.
class HelperInTestClassStillReported {
    static void use(Allocator allocator) {
    }

    @Test
    void test() {
        helper();
    }

    private void helper() {
        use(PageAllocator.INSTANCE); // expect: [hardcoded-allocator] "Add a parameter `Allocator allocator` to corpus.tests_as_roots.HelperInTestClassStillReported.helper()"
    }

    // a nested class declares no test method: its fields are library code
    static final class Fixture {
        final Allocator allocator = PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
    }
}
