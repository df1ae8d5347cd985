package org.allocdiscipline.processor.rules;

import java.util.Set;

/** The documented rule ids (DESIGN.md section 4). */
public final class RuleIds {
    /** Library code names the global page allocator. */
    public static final String HARDCODED_ALLOCATOR = "hardcoded-allocator";
    /** An owned value is neither freed nor handed on, on some path. */
    public static final String OWNED_NOT_FREED = "owned-not-freed";
    /** A value is released twice on some path. */
    public static final String DOUBLE_FREE = "double-free";
    /** A value is used after it was released. */
    public static final String USE_AFTER_FREE = "use-after-free";
    /** A value is freed through an allocator that provably did not allocate it. */
    public static final String WRONG_ALLOCATOR = "wrong-allocator";

    /** Every documented id; {@code -Aallocdiscipline.disable} accepts these. */
    public static final Set<String> DOCUMENTED =
            Set.of(HARDCODED_ALLOCATOR, OWNED_NOT_FREED, DOUBLE_FREE, USE_AFTER_FREE, WRONG_ALLOCATOR);

    private RuleIds() {
    }
}
