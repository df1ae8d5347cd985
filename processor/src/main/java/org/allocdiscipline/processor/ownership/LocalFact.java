package org.allocdiscipline.processor.ownership;

import java.util.HashSet;
import java.util.Set;

/**
 * What a local variable may hold.
 *
 * @param sites     the owned values (by site) it may hold
 * @param untracked whether it may hold something else (null, a borrowed value, ...) on some path
 * @param region    whether it holds a region allocator on every path
 * @param allocator which allocator it holds, when it holds one
 */
record LocalFact(Set<Site> sites, boolean untracked, boolean region, AllocatorIdentity allocator) {
    static final LocalFact UNTRACKED = new LocalFact(Set.of(), true, false, AllocatorIdentity.UNKNOWN);
    /** Holds no value at all ({@code null}). */
    static final LocalFact NOTHING = new LocalFact(Set.of(), false, false, AllocatorIdentity.UNKNOWN);

    boolean isUntracked() {
        return equals(UNTRACKED);
    }

    LocalFact join(LocalFact other) {
        if (equals(other)) {
            return this;
        }
        Set<Site> union = new HashSet<>(sites);
        union.addAll(other.sites);
        return new LocalFact(Set.copyOf(union), untracked || other.untracked, region && other.region,
                allocator.join(other.allocator));
    }
}
