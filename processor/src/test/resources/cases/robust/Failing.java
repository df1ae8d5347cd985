package cases.robust;

import org.allocdiscipline.Allocator;
import org.allocdiscipline.PageAllocator;

/** With -Aallocdiscipline.internal.failOn=broken, checking broken() fails; the rest is checked. */
class Failing {
    Allocator before() {
        return PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
    }

    Allocator broken() {
        return PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
    }

    Allocator after() {
        return PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
    }

    static class Nested {
        Allocator later() {
            return PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
        }
    }
}
