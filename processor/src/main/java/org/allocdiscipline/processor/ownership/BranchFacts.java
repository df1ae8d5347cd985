package org.allocdiscipline.processor.ownership;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * What the ownership analysis knows about boolean locals, so that it can follow code in which two
 * tests of one flag decide together whether a value was made or released:
 * {@code if (big) s = alloc(); ... if (big) free(s);}, or the success flag of
 * {@code try { ...; ok = true; return s; } finally { if (!ok) free(s); }}. Immutable.
 *
 * <p>Where paths that knew a flag's value meet, each site's flags are kept apart by that value
 * (a {@link Guard}); a later test of the flag takes the matching side again. A site may be split by
 * several flags at once (a flag that decides and one that records the decision). What cannot be
 * expressed this way, such as a value that depends on two flags together, simply has no guard, and
 * its flags are the union of the paths, as without this class.
 *
 * @param known  boolean locals with the same value on every path here
 * @param guards per site, its flags by the value of each boolean local that splits them
 */
record BranchFacts(Map<Element, Boolean> known, Map<Site, Map<Element, Guard>> guards) {
    static final BranchFacts NONE = new BranchFacts(Collections.emptyMap(), Collections.emptyMap());

    /**
     * A site's flags on the paths where a boolean local is true, and where it is false;
     * {@link SiteFlags#NONE} where no path has that value.
     *
     * @param whenTrue  the site's flags where it is true
     * @param whenFalse the site's flags where it is false
     */
    record Guard(SiteFlags whenTrue, SiteFlags whenFalse) {
        SiteFlags when(boolean value) {
            return value ? whenTrue : whenFalse;
        }

        /** The record's equality, written out (see {@link BranchFacts#equals}). */
        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof Guard guard && Objects.equals(whenTrue, guard.whenTrue)
                    && Objects.equals(whenFalse, guard.whenFalse);
        }

        /** The record's hash, written out: the generated formula. */
        @Override
        public int hashCode() {
            return Objects.hashCode(whenTrue) * 31 + Objects.hashCode(whenFalse);
        }
    }

    /**
     * The record's equality, written out: every join of two states compares their facts, and the
     * generated method reaches the components through method handles, slow in code the JIT has not
     * compiled yet.
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof BranchFacts facts && Objects.equals(known, facts.known)
                && Objects.equals(guards, facts.guards);
    }

    /** The record's hash, written out to agree with {@link #equals}: the generated formula. */
    @Override
    public int hashCode() {
        return Objects.hashCode(known) * 31 + Objects.hashCode(guards);
    }

    boolean isEmpty() {
        return known.isEmpty() && guards.isEmpty();
    }

    /**
     * The guard that a flag puts on a site.
     *
     * @param site     the site
     * @param variable the flag
     * @return the guard, or {@code null}
     */
    Guard guard(Site site, Element variable) {
        Map<Element, Guard> byFlag = guards.get(site);
        return byFlag == null ? null : byFlag.get(variable);
    }

    /**
     * The facts where two paths meet.
     *
     * @param mine       the facts of one path
     * @param myFlags    its flags per site
     * @param theirs     the facts of the other path
     * @param theirFlags its flags per site
     * @return what holds on both, with guards for sites whose flags the two paths' flag values tell apart
     */
    static BranchFacts join(BranchFacts mine, Map<Site, SiteFlags> myFlags, BranchFacts theirs,
                            Map<Site, SiteFlags> theirFlags) {
        if (mine.isEmpty() && theirs.isEmpty()) {
            return NONE;
        }
        Map<Element, Boolean> known = new HashMap<>();
        Set<Element> opposites = new HashSet<>();
        for (Map.Entry<Element, Boolean> entry : mine.known.entrySet()) {
            Boolean other = theirs.known.get(entry.getKey());
            if (entry.getValue().equals(other)) {
                known.put(entry.getKey(), other);
            } else if (other != null) {
                opposites.add(entry.getKey());
            }
        }
        if (opposites.isEmpty() && mine.guards.isEmpty() && theirs.guards.isEmpty()) {
            // No flag splits any site: only the known values meet, and the sites need not be visited.
            return known.equals(mine.known) ? mine : of(known, Map.of());
        }
        Map<Site, Map<Element, Guard>> guards = new HashMap<>();
        for (Site site : candidates(mine, myFlags, theirs, theirFlags, opposites)) {
            Map<Element, Guard> byFlag = new HashMap<>();
            for (Element variable : splitting(site, mine, theirs, opposites)) {
                SiteFlags whenTrue = mine.flagsWhen(site, variable, true, myFlags)
                        .union(theirs.flagsWhen(site, variable, true, theirFlags));
                SiteFlags whenFalse = mine.flagsWhen(site, variable, false, myFlags)
                        .union(theirs.flagsWhen(site, variable, false, theirFlags));
                if (!whenTrue.equals(whenFalse)) {
                    byFlag.put(variable, new Guard(whenTrue, whenFalse));
                }
            }
            if (!byFlag.isEmpty()) {
                guards.put(site, Collections.unmodifiableMap(byFlag));
            }
        }
        return of(known, guards);
    }

    /**
     * The sites that a flag may split where two paths meet: every site either path has flags for when the
     * paths disagree on some flag's value, else only those of them that a guard already splits.
     */
    private static Set<Site> candidates(BranchFacts mine, Map<Site, SiteFlags> myFlags, BranchFacts theirs,
                                        Map<Site, SiteFlags> theirFlags, Set<Element> opposites) {
        Set<Site> sites = new HashSet<>();
        if (opposites.isEmpty()) {
            for (Set<Site> guarded : List.of(mine.guards.keySet(), theirs.guards.keySet())) {
                for (Site site : guarded) {
                    if (myFlags.containsKey(site) || theirFlags.containsKey(site)) {
                        sites.add(site);
                    }
                }
            }
            return sites;
        }
        sites.addAll(myFlags.keySet());
        sites.addAll(theirFlags.keySet());
        return sites;
    }

    /**
     * The flags that can split a site where two paths meet: those the paths disagree on, and those
     * that already split it on one path while the other path splits it too or knows the flag.
     */
    private static Set<Element> splitting(Site site, BranchFacts mine, BranchFacts theirs, Set<Element> opposites) {
        Map<Element, Guard> myGuards = mine.guards.getOrDefault(site, Map.of());
        Map<Element, Guard> theirGuards = theirs.guards.getOrDefault(site, Map.of());
        if (myGuards.isEmpty() && theirGuards.isEmpty()) {
            return opposites;
        }
        Set<Element> variables = new HashSet<>(opposites);
        for (Element variable : myGuards.keySet()) {
            if (theirGuards.containsKey(variable) || theirs.known.containsKey(variable)) {
                variables.add(variable);
            }
        }
        for (Element variable : theirGuards.keySet()) {
            if (mine.known.containsKey(variable)) {
                variables.add(variable);
            }
        }
        return variables;
    }

    /** The site's flags on this path's share where {@code variable} has {@code value}; none if it never has. */
    private SiteFlags flagsWhen(Site site, Element variable, boolean value, Map<Site, SiteFlags> flags) {
        SiteFlags plain = flags.getOrDefault(site, SiteFlags.ABSENT);
        Boolean fixed = known.get(variable);
        if (fixed != null) {
            return fixed == value ? plain : SiteFlags.NONE;
        }
        Guard guard = guard(site, variable);
        return guard != null ? guard.when(value) : plain;
    }

    /**
     * These facts after a boolean local was set.
     *
     * @param variable the local
     * @param value    its new value, or {@code null} when not a constant
     * @return the facts, with every guard by that local dropped
     */
    BranchFacts assigned(Element variable, Boolean value) {
        boolean guarded = guardsOn(variable);
        if (value == null && !known.containsKey(variable) && !guarded) {
            return this;
        }
        Map<Element, Boolean> newKnown = new HashMap<>(known);
        if (value == null) {
            newKnown.remove(variable);
        } else {
            newKnown.put(variable, value);
        }
        if (!guarded) {
            return of(newKnown, guards);
        }
        Map<Site, Map<Element, Guard>> newGuards = new HashMap<>();
        for (Map.Entry<Site, Map<Element, Guard>> entry : guards.entrySet()) {
            Map<Element, Guard> byFlag = new HashMap<>(entry.getValue());
            byFlag.remove(variable);
            if (!byFlag.isEmpty()) {
                newGuards.put(entry.getKey(), Collections.unmodifiableMap(byFlag));
            }
        }
        return of(newKnown, newGuards);
    }

    /**
     * These facts without a site's guards, after something else changed its flags.
     *
     * @param site the site
     * @return the facts
     */
    BranchFacts withoutGuard(Site site) {
        if (!guards.containsKey(site)) {
            return this;
        }
        Map<Site, Map<Element, Guard>> newGuards = new HashMap<>(guards);
        newGuards.remove(site);
        return of(known, newGuards);
    }

    private boolean guardsOn(Element variable) {
        for (Map<Element, Guard> byFlag : guards.values()) {
            if (byFlag.containsKey(variable)) {
                return true;
            }
        }
        return false;
    }

    private static BranchFacts of(Map<Element, Boolean> known, Map<Site, Map<Element, Guard>> guards) {
        return known.isEmpty() && guards.isEmpty() ? NONE
                : new BranchFacts(Collections.unmodifiableMap(known), Collections.unmodifiableMap(guards));
    }
}
