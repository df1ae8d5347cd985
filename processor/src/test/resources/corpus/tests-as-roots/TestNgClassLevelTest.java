package corpus.tests_as_roots;

import org.allocdiscipline.*;
import org.testng.annotations.Test;

// TestNG's @Test on the class makes each public method a test: the whole class is a test root.
@Test
class TestNgClassLevelTest {
    private final Allocator allocator = PageAllocator.INSTANCE;

    static void use(Allocator allocator) {
    }

    public void checksSomething() {
        use(PageAllocator.INSTANCE);
    }

    private void helper() {
        use(PageAllocator.INSTANCE);
    }
}
