package org.allocdiscipline.processor.ownership;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * The abstract state of the ownership analysis: for each site, what may have happened to its
 * value along the paths here; for each tracked local, what it may hold; and which allocator
 * made each value. Immutable; a missing site means {@link #ABSENT} only, a missing local
 * means {@link LocalFact#UNTRACKED}.
 *
 * @param flags      per site, a union of {@link #OWNED}, {@link #RELEASED}, {@link #ABSENT} and {@link #REGION}
 * @param locals     per local variable, what it may hold
 * @param allocators per site, the allocator that made the value
 */
record OwnershipState(Map<Object, Integer> flags, Map<Element, LocalFact> locals, Map<Object, AllocatorIdentity> allocators) {
    /** The value exists and still owes its release. */
    static final int OWNED = 1;
    /** The value was released. */
    static final int RELEASED = 2;
    /** The value does not exist here (not yet allocated, or known to be null). */
    static final int ABSENT = 4;
    /**
     * The value exists and came from a region: closing the region frees it, so it owes no release
     * of its own, but it is tracked so that freeing it through another allocator, twice, or using it
     * after its free is still seen.
     */
    static final int REGION = 8;

    static final OwnershipState EMPTY = new OwnershipState(Map.of(), Map.of(), Map.of());

    int flagsOf(Object site) {
        return flags.getOrDefault(site, ABSENT);
    }

    LocalFact local(Element variable) {
        return locals.getOrDefault(variable, LocalFact.UNTRACKED);
    }

    /** Whether some local other than {@code except} may hold the site's value. */
    boolean heldByLocal(Object site, Element except) {
        for (Map.Entry<Element, LocalFact> entry : locals.entrySet()) {
            if (!entry.getKey().equals(except) && entry.getValue().sites().contains(site)) {
                return true;
            }
        }
        return false;
    }

    OwnershipState join(OwnershipState other) {
        if (equals(other)) {
            return this;
        }
        Map<Object, Integer> joinedFlags = new HashMap<>();
        Set<Object> sites = new HashSet<>(flags.keySet());
        sites.addAll(other.flags.keySet());
        for (Object site : sites) {
            int joined = flagsOf(site) | other.flagsOf(site);
            if (joined != ABSENT) {
                joinedFlags.put(site, joined);
            }
        }
        Map<Element, LocalFact> joinedLocals = new HashMap<>();
        Set<Element> variables = new HashSet<>(locals.keySet());
        variables.addAll(other.locals.keySet());
        for (Element variable : variables) {
            LocalFact joined = local(variable).join(other.local(variable));
            if (!joined.isUntracked()) {
                joinedLocals.put(variable, joined);
            }
        }
        Map<Object, AllocatorIdentity> joinedAllocators = new HashMap<>(allocators);
        for (Map.Entry<Object, AllocatorIdentity> entry : other.allocators.entrySet()) {
            joinedAllocators.merge(entry.getKey(), entry.getValue(), AllocatorIdentity::join);
        }
        return new OwnershipState(Map.copyOf(joinedFlags), Map.copyOf(joinedLocals), Map.copyOf(joinedAllocators));
    }

    Builder edit() {
        return new Builder(this);
    }

    /** Copy-on-write changes to a state. */
    static final class Builder {
        private final Map<Object, Integer> flags;
        private final Map<Element, LocalFact> locals;
        private final Map<Object, AllocatorIdentity> allocators;

        private Builder(OwnershipState from) {
            flags = new HashMap<>(from.flags);
            locals = new HashMap<>(from.locals);
            allocators = new HashMap<>(from.allocators);
        }

        Builder flags(Object site, int value) {
            if (value == ABSENT) {
                flags.remove(site);
            } else {
                flags.put(site, value);
            }
            return this;
        }

        Builder local(Element variable, LocalFact fact) {
            if (fact.isUntracked()) {
                locals.remove(variable);
            } else {
                locals.put(variable, fact);
            }
            return this;
        }

        Builder allocator(Object site, AllocatorIdentity identity) {
            if (identity.isUnknown()) {
                allocators.remove(site);
            } else {
                allocators.put(site, identity);
            }
            return this;
        }

        /** Every local that may hold {@code from} may hold {@code to} instead. */
        Builder renameSite(Object from, Object to) {
            for (Map.Entry<Element, LocalFact> entry : locals.entrySet()) {
                LocalFact fact = entry.getValue();
                if (fact.sites().contains(from)) {
                    Set<Object> sites = new HashSet<>(fact.sites());
                    sites.remove(from);
                    sites.add(to);
                    entry.setValue(new LocalFact(Set.copyOf(sites), fact.untracked(), fact.region(), fact.allocator()));
                }
            }
            return this;
        }

        OwnershipState build() {
            return new OwnershipState(Map.copyOf(flags), Map.copyOf(locals), Map.copyOf(allocators));
        }
    }
}
