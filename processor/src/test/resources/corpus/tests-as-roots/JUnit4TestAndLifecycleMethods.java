package corpus.tests_as_roots;

import org.allocdiscipline.*;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

class JUnit4TestAndLifecycleMethods {
    static void use(Allocator allocator) {
    }

    @Test
    public void test() {
        use(PageAllocator.INSTANCE);
    }

    @Before
    public void before() {
        use(PageAllocator.INSTANCE);
    }

    @After
    public void after() {
        use(PageAllocator.INSTANCE);
    }

    @BeforeClass
    public static void beforeClass() {
        use(PageAllocator.INSTANCE);
    }

    @AfterClass
    public static void afterClass() {
        use(PageAllocator.INSTANCE);
    }
}
