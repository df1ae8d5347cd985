package corpus.tests_as_roots;

import org.allocdiscipline.*;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.params.ParameterizedTest;

class JUnit5TestAndLifecycleMethods {
    static void use(Allocator allocator) {
    }

    @Test
    void test() {
        use(PageAllocator.INSTANCE);
    }

    @RepeatedTest
    void repeated() {
        use(PageAllocator.THREAD_CONFINED);
    }

    @TestFactory
    Object factory() {
        use(PageAllocator.INSTANCE);
        return null;
    }

    @TestTemplate
    void template() {
        use(PageAllocator.INSTANCE);
    }

    @ParameterizedTest
    void parameterized(int size) {
        use(PageAllocator.INSTANCE);
    }

    @BeforeEach
    void beforeEach() {
        use(PageAllocator.INSTANCE);
    }

    @AfterEach
    void afterEach() {
        use(PageAllocator.INSTANCE);
    }

    @BeforeAll
    static void beforeAll() {
        use(PageAllocator.INSTANCE);
    }

    @AfterAll
    static void afterAll() {
        use(PageAllocator.UNCHECKED);
    }
}
