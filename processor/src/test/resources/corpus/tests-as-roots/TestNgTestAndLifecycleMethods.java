package corpus.tests_as_roots;

import org.allocdiscipline.*;
import org.testng.annotations.AfterClass;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.AfterSuite;
import org.testng.annotations.AfterTest;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.BeforeSuite;
import org.testng.annotations.BeforeTest;
import org.testng.annotations.Test;

class TestNgTestAndLifecycleMethods {
    static void use(Allocator allocator) {
    }

    @Test
    public void test() {
        use(PageAllocator.INSTANCE);
    }

    @BeforeMethod
    public void beforeMethod() {
        use(PageAllocator.INSTANCE);
    }

    @AfterMethod
    public void afterMethod() {
        use(PageAllocator.INSTANCE);
    }

    @BeforeClass
    public void beforeClass() {
        use(PageAllocator.INSTANCE);
    }

    @AfterClass
    public void afterClass() {
        use(PageAllocator.INSTANCE);
    }

    @BeforeSuite
    public void beforeSuite() {
        use(PageAllocator.INSTANCE);
    }

    @AfterSuite
    public void afterSuite() {
        use(PageAllocator.INSTANCE);
    }

    @BeforeTest
    public void beforeTest() {
        use(PageAllocator.INSTANCE);
    }

    @AfterTest
    public void afterTest() {
        use(PageAllocator.INSTANCE);
    }
}
