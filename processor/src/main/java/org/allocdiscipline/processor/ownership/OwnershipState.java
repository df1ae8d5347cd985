package org.allocdiscipline.processor.ownership;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import javax.lang.model.element.Element;

/**
 * The abstract state of the ownership analysis: for each site, what may have happened to its
 * value along the paths here; for each tracked local, what it may hold; and which allocator
 * made each value. Immutable; a missing site means {@link SiteFlags#ABSENT} only, a missing local
 * means {@link LocalFact#UNTRACKED}.
 *
 * @param flags      per site, what may have happened to its value
 * @param locals     per local variable, what it may hold
 * @param allocators per site, the allocator that made the value
 * @param branches   what is known of boolean locals, and the sites' flags split by them
 */
record OwnershipState(Map<Site, SiteFlags> flags, Map<Element, LocalFact> locals, Map<Site, AllocatorIdentity> allocators,
                      BranchFacts branches) {
    // Maps that tolerate null lookups, like the builder's own: a removal of an unknown (null) element is a no-op.
    static final OwnershipState EMPTY = new OwnershipState(Collections.emptyMap(), Collections.emptyMap(), Collections.emptyMap(),
            BranchFacts.NONE);

    /**
     * The record's equality, written out: the solver compares the states where paths meet, and the
     * generated method reaches the components through method handles, slow in code the JIT has not
     * compiled yet.
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof OwnershipState state && Objects.equals(flags, state.flags)
                && Objects.equals(locals, state.locals) && Objects.equals(allocators, state.allocators)
                && Objects.equals(branches, state.branches);
    }

    /** The record's hash, written out to agree with {@link #equals}: the generated formula. */
    @Override
    public int hashCode() {
        return ((Objects.hashCode(flags) * 31 + Objects.hashCode(locals)) * 31 + Objects.hashCode(allocators)) * 31
                + Objects.hashCode(branches);
    }

    SiteFlags flagsOf(Site site) {
        // Asking about no site is a bug of the caller, as it always was with immutable maps.
        return flags.getOrDefault(Objects.requireNonNull(site), SiteFlags.ABSENT);
    }

    LocalFact local(Element variable) {
        return locals.getOrDefault(Objects.requireNonNull(variable), LocalFact.UNTRACKED);
    }

    /** Whether some local other than {@code except} may hold the site's value. */
    boolean heldByLocal(Site site, Element except) {
        for (Map.Entry<Element, LocalFact> entry : locals.entrySet()) {
            if (!entry.getKey().equals(except) && entry.getValue().sites().contains(site)) {
                return true;
            }
        }
        return false;
    }

    OwnershipState join(OwnershipState other) {
        if (this == other) {
            return this;
        }
        // Each component is joined on its own and kept as is when the other side adds nothing:
        // sharing unchanged maps keeps joins and the solver's equality checks cheap.
        Map<Site, SiteFlags> joinedFlags = joinFlags(flags, other.flags);
        Map<Element, LocalFact> joinedLocals = joinLocals(locals, other.locals);
        Map<Site, AllocatorIdentity> joinedAllocators = joinAllocators(allocators, other.allocators);
        BranchFacts joinedBranches = BranchFacts.join(branches, flags, other.branches, other.flags);
        if (joinedBranches.equals(branches)) {
            joinedBranches = branches;
        }
        if (joinedFlags == flags && joinedLocals == locals && joinedAllocators == allocators && joinedBranches == branches) {
            return this;
        }
        return new OwnershipState(joinedFlags, joinedLocals, joinedAllocators, joinedBranches);
    }

    /**
     * This state on a path where a boolean local has a value: a branch of a test of it.
     *
     * @param variable the local
     * @param value    its value on the branch
     * @return the state there, or {@code null} when no path here gives the local that value
     */
    OwnershipState assume(Element variable, boolean value) {
        Boolean known = branches.known().get(variable);
        if (known != null) {
            return known == value ? this : null;
        }
        Builder refined = edit();
        for (Map.Entry<Site, Map<Element, BranchFacts.Guard>> entry : branches.guards().entrySet()) {
            BranchFacts.Guard guard = entry.getValue().get(variable);
            if (guard != null) {
                SiteFlags flagsThere = guard.when(value);
                refined.flags(entry.getKey(), flagsThere.isNone() ? SiteFlags.ABSENT : flagsThere);
            }
        }
        return refined.booleanValue(variable, value).build();
    }

    private static Map<Site, SiteFlags> joinFlags(Map<Site, SiteFlags> mine, Map<Site, SiteFlags> theirs) {
        if (mine == theirs || flagsCover(mine, theirs)) {
            return mine;
        }
        if (flagsCover(theirs, mine)) {
            return theirs;
        }
        Map<Site, SiteFlags> joined = new HashMap<>(mine.size() + theirs.size());
        for (Map.Entry<Site, SiteFlags> entry : mine.entrySet()) {
            SiteFlags value = entry.getValue().union(theirs.getOrDefault(entry.getKey(), SiteFlags.ABSENT));
            if (!value.isAbsent()) {
                joined.put(entry.getKey(), value);
            }
        }
        for (Map.Entry<Site, SiteFlags> entry : theirs.entrySet()) {
            if (!mine.containsKey(entry.getKey())) {
                SiteFlags value = entry.getValue().union(SiteFlags.ABSENT);
                if (!value.isAbsent()) {
                    joined.put(entry.getKey(), value);
                }
            }
        }
        return joined.equals(mine) ? mine : frozen(joined);
    }

    private static Map<Element, LocalFact> joinLocals(Map<Element, LocalFact> mine, Map<Element, LocalFact> theirs) {
        if (mine == theirs || localsCover(mine, theirs)) {
            return mine;
        }
        if (localsCover(theirs, mine)) {
            return theirs;
        }
        Map<Element, LocalFact> joined = new HashMap<>(mine.size() + theirs.size());
        for (Map.Entry<Element, LocalFact> entry : mine.entrySet()) {
            LocalFact value = entry.getValue().join(theirs.getOrDefault(entry.getKey(), LocalFact.UNTRACKED));
            if (!value.isUntracked()) {
                joined.put(entry.getKey(), value);
            }
        }
        for (Map.Entry<Element, LocalFact> entry : theirs.entrySet()) {
            if (!mine.containsKey(entry.getKey())) {
                LocalFact value = LocalFact.UNTRACKED.join(entry.getValue());
                if (!value.isUntracked()) {
                    joined.put(entry.getKey(), value);
                }
            }
        }
        return joined.equals(mine) ? mine : frozen(joined);
    }

    /**
     * Whether joining {@code theirs} into {@code mine} gives {@code mine} again (a missing site being
     * {@link SiteFlags#ABSENT}): most joins of the solver add nothing, and this finds so without building
     * the joined map.
     */
    private static boolean flagsCover(Map<Site, SiteFlags> mine, Map<Site, SiteFlags> theirs) {
        for (Map.Entry<Site, SiteFlags> entry : theirs.entrySet()) {
            SiteFlags own = mine.getOrDefault(entry.getKey(), SiteFlags.ABSENT);
            if (!own.union(entry.getValue()).equals(own)) {
                return false;
            }
        }
        return coversMissing(mine, theirs, flags -> flags.mayBeAbsent());
    }

    /** As {@link #flagsCover}, for the locals: a missing local is {@link LocalFact#UNTRACKED}. */
    private static boolean localsCover(Map<Element, LocalFact> mine, Map<Element, LocalFact> theirs) {
        for (Map.Entry<Element, LocalFact> entry : theirs.entrySet()) {
            if (!mine.getOrDefault(entry.getKey(), LocalFact.UNTRACKED).covers(entry.getValue())) {
                return false;
            }
        }
        return coversMissing(mine, theirs, fact -> fact.covers(LocalFact.UNTRACKED));
    }

    /** Whether each entry of {@code mine} whose key {@code theirs} lacks already allows what the missing key means. */
    private static <K, V> boolean coversMissing(Map<K, V> mine, Map<K, V> theirs, Predicate<V> allowsMissing) {
        for (Map.Entry<K, V> entry : mine.entrySet()) {
            if (!theirs.containsKey(entry.getKey()) && !allowsMissing.test(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static Map<Site, AllocatorIdentity> joinAllocators(Map<Site, AllocatorIdentity> mine,
                                                                 Map<Site, AllocatorIdentity> theirs) {
        // Mine already holds each of their entries: merging them changes nothing.
        if (mine == theirs || theirs.isEmpty() || mine.entrySet().containsAll(theirs.entrySet())) {
            return mine;
        }
        Map<Site, AllocatorIdentity> joined = new HashMap<>(mine);
        for (Map.Entry<Site, AllocatorIdentity> entry : theirs.entrySet()) {
            joined.merge(entry.getKey(), entry.getValue(), AllocatorIdentity::join);
        }
        return joined.equals(mine) ? mine : frozen(joined);
    }

    /** A map no one else holds, as a read-only view: copying it once more would only cost time. */
    private static <K, V> Map<K, V> frozen(Map<K, V> owned) {
        return Collections.unmodifiableMap(owned);
    }

    Builder edit() {
        return new Builder(this);
    }

    /**
     * Copy-on-write changes to a state: a map is copied only when a change really alters it, and
     * a builder that changed nothing gives back the state it started from.
     */
    static final class Builder {
        private OwnershipState from;
        private Map<Site, SiteFlags> flags;
        private Map<Element, LocalFact> locals;
        private Map<Site, AllocatorIdentity> allocators;
        private BranchFacts branches;

        private Builder(OwnershipState from) {
            this.from = from;
        }

        private BranchFacts branches() {
            return branches != null ? branches : from.branches;
        }

        /**
         * A boolean local was set.
         *
         * @param variable the local
         * @param value    its value, or {@code null} when it is not a constant
         * @return this builder
         */
        Builder booleanValue(Element variable, Boolean value) {
            BranchFacts changed = branches().assigned(variable, value);
            if (changed != branches()) {
                branches = changed;
            }
            return this;
        }

        Builder flags(Site site, SiteFlags value) {
            if (!branches().guards().isEmpty()) {
                // Whatever split the site's flags by a flag's value no longer describes them.
                BranchFacts changed = branches().withoutGuard(site);
                if (changed != branches()) {
                    branches = changed;
                }
            }
            if (value.isAbsent()) {
                if (flags != null) {
                    flags.remove(site);
                } else if (from.flags.containsKey(site)) {
                    flags = new HashMap<>(from.flags);
                    flags.remove(site);
                }
            } else {
                Objects.requireNonNull(site);
                if (flags == null) {
                    if (value.equals(from.flags.get(site))) {
                        return this;
                    }
                    flags = new HashMap<>(from.flags);
                }
                flags.put(site, value);
            }
            return this;
        }

        Builder local(Element variable, LocalFact fact) {
            if (fact.isUntracked()) {
                if (locals != null) {
                    locals.remove(variable);
                } else if (from.locals.containsKey(variable)) {
                    locals = new HashMap<>(from.locals);
                    locals.remove(variable);
                }
            } else {
                Objects.requireNonNull(variable);
                Objects.requireNonNull(fact);
                if (locals == null) {
                    if (fact.equals(from.locals.get(variable))) {
                        return this;
                    }
                    locals = new HashMap<>(from.locals);
                }
                locals.put(variable, fact);
            }
            return this;
        }

        Builder allocator(Site site, AllocatorIdentity identity) {
            if (identity.isUnknown()) {
                if (allocators != null) {
                    allocators.remove(site);
                } else if (from.allocators.containsKey(site)) {
                    allocators = new HashMap<>(from.allocators);
                    allocators.remove(site);
                }
            } else {
                Objects.requireNonNull(site);
                if (allocators == null) {
                    if (identity.equals(from.allocators.get(site))) {
                        return this;
                    }
                    allocators = new HashMap<>(from.allocators);
                }
                allocators.put(site, identity);
            }
            return this;
        }

        /** Every local that may hold {@code from} may hold {@code to} instead. */
        Builder renameSite(Site from, Site to) {
            Map<Element, LocalFact> current = locals != null ? locals : this.from.locals;
            Map<Element, LocalFact> renamed = null;
            for (Map.Entry<Element, LocalFact> entry : current.entrySet()) {
                LocalFact fact = entry.getValue();
                if (fact.sites().contains(from)) {
                    if (renamed == null) {
                        renamed = new HashMap<>();
                    }
                    renamed.put(entry.getKey(), fact.replacing(from, to));
                }
            }
            if (renamed != null) {
                if (locals == null) {
                    locals = new HashMap<>(this.from.locals);
                }
                locals.putAll(renamed);
            }
            return this;
        }

        OwnershipState build() {
            if (flags == null && locals == null && allocators == null && branches == null) {
                return from;
            }
            OwnershipState built = new OwnershipState(
                    flags == null ? from.flags : frozen(flags),
                    locals == null ? from.locals : frozen(locals),
                    allocators == null ? from.allocators : frozen(allocators),
                    branches == null ? from.branches : branches);
            // The maps now belong to the built state: further changes start a copy of their own.
            from = built;
            flags = null;
            locals = null;
            allocators = null;
            branches = null;
            return built;
        }
    }
}
