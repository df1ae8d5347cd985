package org.allocdiscipline;

/**
 * How an allocator protects the segments it hands out once they are freed or once the allocator
 * is closed. The choice trades the cost of invalidating a segment against where it may be used.
 */
public enum Safety {
    /**
     * The default. Segments can be used from any thread; freeing a segment (or closing a region)
     * makes every later access throw {@link IllegalStateException}. Invalidating a shared segment
     * costs a thread handshake of the JVM: tens of microseconds, paid once per free of a page
     * allocation and once per close or reset of a region.
     */
    SHARED,

    /**
     * Segments can be used only from the thread that allocated them (another thread gets
     * {@link WrongThreadException}) and must be freed by that thread; invalidation is cheap.
     */
    THREAD_CONFINED,

    /**
     * No invalidation: segments stay usable after their free, and touching one whose memory was
     * returned to the operating system can crash the JVM. An explicit opt-in for measured hot
     * paths; misuse that the allocator can see (double free, foreign free) is still reported.
     */
    UNCHECKED
}
