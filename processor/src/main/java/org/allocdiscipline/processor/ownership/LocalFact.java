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
 * @param allocatorView whether it holds, on every path, an allocator's {@code asSegmentAllocator()} view:
 *     then {@code sites}, {@code region} and {@code allocator} describe the allocator it views, which owns
 *     every segment the view hands out
 */
record LocalFact(Set<Site> sites, boolean untracked, boolean region, AllocatorIdentity allocator, boolean allocatorView) {
    static final LocalFact UNTRACKED = new LocalFact(Set.of(), true, false, AllocatorIdentity.UNKNOWN);
    /** Holds no value at all ({@code null}). */
    static final LocalFact NOTHING = new LocalFact(Set.of(), false, false, AllocatorIdentity.UNKNOWN);

    /** A fact about anything but an allocator's view. */
    LocalFact(Set<Site> sites, boolean untracked, boolean region, AllocatorIdentity allocator) {
        this(sites, untracked, region, allocator, false);
    }

    boolean isUntracked() {
        return equals(UNTRACKED);
    }

    /**
     * The record's equality, written out: the solver compares facts at every join, and the generated
     * method reaches the components through method handles. The generated {@code hashCode} agrees with it.
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof LocalFact fact && untracked == fact.untracked && region == fact.region
                && allocatorView == fact.allocatorView && allocator.equals(fact.allocator) && sites.equals(fact.sites);
    }

    /** Whether joining {@code other} into this fact leaves it as it is: this fact already allows all of it. */
    boolean covers(LocalFact other) {
        return this == other || (untracked || !other.untracked) && (!region || other.region)
                && (!allocatorView || other.allocatorView) && (allocator.isUnknown() || allocator.equals(other.allocator))
                && sites.containsAll(other.sites);
    }

    /** The same value seen through the allocator's {@code asSegmentAllocator()} view. */
    LocalFact asView() {
        return new LocalFact(sites, untracked, region, allocator, true);
    }

    /** The same fact, with {@code to} held wherever {@code from} was. */
    LocalFact replacing(Site from, Site to) {
        Set<Site> replaced = new HashSet<>(sites);
        replaced.remove(from);
        replaced.add(to);
        return new LocalFact(Set.copyOf(replaced), untracked, region, allocator, allocatorView);
    }

    LocalFact join(LocalFact other) {
        if (equals(other)) {
            return this;
        }
        Set<Site> union = new HashSet<>(sites);
        union.addAll(other.sites);
        return new LocalFact(Set.copyOf(union), untracked || other.untracked, region && other.region,
                allocator.join(other.allocator), allocatorView && other.allocatorView);
    }
}
