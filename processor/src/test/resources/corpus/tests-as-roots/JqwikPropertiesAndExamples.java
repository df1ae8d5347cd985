package corpus.tests_as_roots;

import org.allocdiscipline.*;
import net.jqwik.api.Example;
import net.jqwik.api.Property;

class JqwikPropertiesAndExamples {
    static void use(Allocator allocator) {
    }

    @Property
    void property(int size) {
        use(PageAllocator.INSTANCE);
    }

    @Example
    void example() {
        use(PageAllocator.INSTANCE);
    }
}
