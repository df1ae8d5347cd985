package cases.modes;

import org.allocdiscipline.PageAllocator;

class Modes {
    Object modes() {
        Object a = PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
        Object b = PageAllocator.UNCHECKED; // expect: [hardcoded-allocator]
        Object c = PageAllocator.THREAD_CONFINED; // expect: [hardcoded-allocator]
        long page = PageAllocator.DEFAULT_PAGE;
        return page > 0 ? a : b == c ? b : PageAllocator.latest();
    }
}
