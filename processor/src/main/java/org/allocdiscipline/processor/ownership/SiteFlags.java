package org.allocdiscipline.processor.ownership;

/**
 * What may have happened to one site's value along the paths that reach a point: any combination
 * of {@link #OWNED}, {@link #RELEASED}, {@link #ABSENT} and {@link #REGION}. A path contributes one
 * of them, so a combination says which of them some path has. Immutable; there are only sixteen
 * values, made once, so comparing and combining allocates nothing.
 */
final class SiteFlags {
    private static final int OWNED_BIT = 1;
    private static final int RELEASED_BIT = 2;
    private static final int ABSENT_BIT = 4;
    private static final int REGION_BIT = 8;
    private static final SiteFlags[] ALL = new SiteFlags[16];

    static {
        for (int bits = 0; bits < ALL.length; bits++) {
            ALL[bits] = new SiteFlags(bits);
        }
    }

    /** No path: where a flag's value is never taken, the site has no flags at all. */
    static final SiteFlags NONE = ALL[0];
    /** The value exists and still owes its release. */
    static final SiteFlags OWNED = ALL[OWNED_BIT];
    /** The value was released. */
    static final SiteFlags RELEASED = ALL[RELEASED_BIT];
    /** The value does not exist here (not yet allocated, or known to be null). */
    static final SiteFlags ABSENT = ALL[ABSENT_BIT];
    /**
     * The value exists and came from a region: closing the region frees it, so it owes no release
     * of its own, but it is tracked so that freeing it through another allocator, twice, or using it
     * after its free is still seen.
     */
    static final SiteFlags REGION = ALL[REGION_BIT];

    private final int bits;

    private SiteFlags(int bits) {
        this.bits = bits;
    }

    /** Some path here still owes the value's release. */
    boolean mayBeOwned() {
        return (bits & OWNED_BIT) != 0;
    }

    /** Some path here released the value. */
    boolean mayBeReleased() {
        return (bits & RELEASED_BIT) != 0;
    }

    /** Some path here has no value (not yet made, or null). */
    boolean mayBeAbsent() {
        return (bits & ABSENT_BIT) != 0;
    }

    /** Some path here has the value from a region. */
    boolean mayBeRegion() {
        return (bits & REGION_BIT) != 0;
    }

    /** Some path here has a value, owed or from a region: something an expression can evaluate to. */
    boolean mayExist() {
        return (bits & (OWNED_BIT | REGION_BIT)) != 0;
    }

    /** Every path here released the value: released, and neither owned, absent nor from a region. */
    boolean releasedOnEveryPath() {
        return bits == RELEASED_BIT;
    }

    /** Every path that has the value released it: released, and neither owned nor from a region (absent allowed). */
    boolean releasedWhereverPresent() {
        return mayBeReleased() && !mayExist();
    }

    /** No path has the value, released or not. */
    boolean isAbsent() {
        return bits == ABSENT_BIT;
    }

    /** No path reaches here with the flag's value that these flags describe. */
    boolean isNone() {
        return bits == 0;
    }

    /** What either of two sets of paths may have. */
    SiteFlags union(SiteFlags other) {
        return ALL[bits | other.bits];
    }

    /** These flags without what {@code removed} has. */
    SiteFlags without(SiteFlags removed) {
        return ALL[bits & ~removed.bits];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SiteFlags flags && flags.bits == bits;
    }

    @Override
    public int hashCode() {
        return bits;
    }

    @Override
    public String toString() {
        if (bits == 0) {
            return "{}";
        }
        StringBuilder text = new StringBuilder("{");
        String[] names = {"owned", "released", "absent", "region"};
        for (int i = 0; i < names.length; i++) {
            if ((bits & (1 << i)) != 0) {
                text.append(text.length() > 1 ? ", " : "").append(names[i]);
            }
        }
        return text.append('}').toString();
    }
}
