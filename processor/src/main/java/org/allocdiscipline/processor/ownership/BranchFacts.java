package org.allocdiscipline.processor.ownership;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * What the ownership analysis knows about boolean locals, so that it can follow code in which two
 * tests of one flag decide together whether a value was made or released:
 * {@code if (big) s = alloc(); ... if (big) free(s);}, or the success flag of
 * {@code try { ...; ok = true; return s; } finally { if (!ok) free(s); }}. Immutable.
 *
 * <p>Where paths that knew a flag's value meet, each site's flags are kept apart by that value
 * (a {@link Guard}); a later test of the flag takes the matching side again. One flag per site is
 * enough for the patterns above; where several flags would be needed, the site simply has no guard
 * and its flags are the union of the paths, as without this class.
 *
 * @param known  boolean locals with the same value on every path here
 * @param guards per site, its flags by the value of one boolean local
 */
record BranchFacts(Map<Element, Boolean> known, Map<Object, Guard> guards) {
    static final BranchFacts NONE = new BranchFacts(Collections.emptyMap(), Collections.emptyMap());

    /**
     * A site's flags on the paths where a boolean local is true, and where it is false; 0 where
     * no path has that value.
     *
     * @param variable  the boolean local
     * @param whenTrue  the site's flags where it is true
     * @param whenFalse the site's flags where it is false
     */
    record Guard(Element variable, int whenTrue, int whenFalse) {
        int when(boolean value) {
            return value ? whenTrue : whenFalse;
        }
    }

    boolean isEmpty() {
        return known.isEmpty() && guards.isEmpty();
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
    static BranchFacts join(BranchFacts mine, Map<Object, Integer> myFlags, BranchFacts theirs,
                            Map<Object, Integer> theirFlags) {
        if (mine.isEmpty() && theirs.isEmpty()) {
            return NONE;
        }
        Map<Element, Boolean> known = new HashMap<>();
        Element opposite = null;
        int opposites = 0;
        for (Map.Entry<Element, Boolean> entry : mine.known.entrySet()) {
            Boolean other = theirs.known.get(entry.getKey());
            if (entry.getValue().equals(other)) {
                known.put(entry.getKey(), other);
            } else if (other != null) {
                opposite = entry.getKey();
                opposites++;
            }
        }
        if (opposites != 1) {
            // None, or more than one flag that could tell the paths apart: no guard is made from them.
            opposite = null;
        }
        Map<Object, Guard> guards = new HashMap<>();
        Set<Object> sites = new HashSet<>(myFlags.keySet());
        sites.addAll(theirFlags.keySet());
        for (Object site : sites) {
            Element variable = guardVariable(site, mine, theirs, opposite);
            if (variable == null) {
                continue;
            }
            int whenTrue = mine.flagsWhen(site, variable, true, myFlags) | theirs.flagsWhen(site, variable, true, theirFlags);
            int whenFalse = mine.flagsWhen(site, variable, false, myFlags)
                    | theirs.flagsWhen(site, variable, false, theirFlags);
            if (whenTrue != whenFalse) {
                guards.put(site, new Guard(variable, whenTrue, whenFalse));
            }
        }
        if (known.isEmpty() && guards.isEmpty()) {
            return NONE;
        }
        return new BranchFacts(Collections.unmodifiableMap(known), Collections.unmodifiableMap(guards));
    }

    /** The flag that splits a site where two paths meet: a guard both keep, else the one flag they disagree on. */
    private static Element guardVariable(Object site, BranchFacts mine, BranchFacts theirs, Element opposite) {
        Guard myGuard = mine.guards.get(site);
        Guard theirGuard = theirs.guards.get(site);
        if (myGuard != null && theirGuard != null && myGuard.variable().equals(theirGuard.variable())) {
            return myGuard.variable();
        }
        if (opposite != null) {
            return opposite;
        }
        if (myGuard != null && theirs.known.containsKey(myGuard.variable())) {
            return myGuard.variable();
        }
        if (theirGuard != null && mine.known.containsKey(theirGuard.variable())) {
            return theirGuard.variable();
        }
        return null;
    }

    /** The site's flags on this path's share where {@code variable} has {@code value}; 0 if it never has. */
    private int flagsWhen(Object site, Element variable, boolean value, Map<Object, Integer> flags) {
        int plain = flags.getOrDefault(site, OwnershipState.ABSENT);
        Boolean fixed = known.get(variable);
        if (fixed != null) {
            return fixed == value ? plain : 0;
        }
        Guard guard = guards.get(site);
        return guard != null && guard.variable().equals(variable) ? guard.when(value) : plain;
    }

    /**
     * These facts after a boolean local was set.
     *
     * @param variable the local
     * @param value    its new value, or {@code null} when not a constant
     * @return the facts, with every guard on that local dropped
     */
    BranchFacts assigned(Element variable, Boolean value) {
        if (value == null && !known.containsKey(variable) && !guardsOn(variable)) {
            return this;
        }
        Map<Element, Boolean> newKnown = new HashMap<>(known);
        if (value == null) {
            newKnown.remove(variable);
        } else {
            newKnown.put(variable, value);
        }
        Map<Object, Guard> newGuards = new HashMap<>(guards);
        newGuards.values().removeIf(guard -> guard.variable().equals(variable));
        return of(newKnown, newGuards);
    }

    /**
     * These facts without a site's guard, after something else changed its flags.
     *
     * @param site the site
     * @return the facts
     */
    BranchFacts withoutGuard(Object site) {
        if (!guards.containsKey(site)) {
            return this;
        }
        Map<Object, Guard> newGuards = new HashMap<>(guards);
        newGuards.remove(site);
        return of(known, newGuards);
    }

    private boolean guardsOn(Element variable) {
        for (Guard guard : guards.values()) {
            if (guard.variable().equals(variable)) {
                return true;
            }
        }
        return false;
    }

    private static BranchFacts of(Map<Element, Boolean> known, Map<Object, Guard> guards) {
        return known.isEmpty() && guards.isEmpty() ? NONE
                : new BranchFacts(Collections.unmodifiableMap(known), Collections.unmodifiableMap(guards));
    }
}
