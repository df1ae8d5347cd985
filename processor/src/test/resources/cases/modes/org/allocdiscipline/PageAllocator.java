package org.allocdiscipline;

/** A stand-in with the modes the finished PageAllocator has: each mode is the global page allocator. */
public final class PageAllocator {
    public static final PageAllocator INSTANCE = new PageAllocator();
    public static final PageAllocator UNCHECKED = new PageAllocator();
    public static final PageAllocator THREAD_CONFINED = new PageAllocator();
    public static final long DEFAULT_PAGE = 4096;
    static final PageAllocator PACKAGE_PRIVATE = new PageAllocator();

    private PageAllocator() {
    }

    public static PageAllocator latest() {
        return INSTANCE;
    }
}
