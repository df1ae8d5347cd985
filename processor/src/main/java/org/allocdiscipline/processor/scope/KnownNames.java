package org.allocdiscipline.processor.scope;

/**
 * Qualified names of the runtime types the checker knows. The processor recognises them by name
 * instead of linking against the runtime, so users need only the processor on the processor path.
 */
public final class KnownNames {
    /** {@code org.allocdiscipline.Allocator}. */
    public static final String ALLOCATOR = "org.allocdiscipline.Allocator";
    /** {@code org.allocdiscipline.PageAllocator}. */
    public static final String PAGE_ALLOCATOR = "org.allocdiscipline.PageAllocator";
    /** {@code org.allocdiscipline.ChoosesAllocator}. */
    public static final String CHOOSES_ALLOCATOR = "org.allocdiscipline.ChoosesAllocator";
    /** {@code org.allocdiscipline.Owned}. */
    public static final String OWNED = "org.allocdiscipline.Owned";
    /** {@code org.allocdiscipline.Region}. */
    public static final String REGION = "org.allocdiscipline.Region";
    /** The {@code @SuppressWarnings} key that silences every rule of this checker. */
    public static final String SUPPRESS_ALL = "allocdiscipline";

    private KnownNames() {
    }
}
