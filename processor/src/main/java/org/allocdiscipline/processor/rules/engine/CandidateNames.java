package org.allocdiscipline.processor.rules.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Name;
import javax.lang.model.util.Elements;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * The simple names that may denote a global allocator or an arena factory the FFM rules look for
 * ({@link org.allocdiscipline.processor.rules.api.BodyParts#globalAllocatorCandidates()}), matched
 * against the names of trees. This runs for every identifier of the code, so it compares javac's own
 * {@code Name} objects by reference when javac keeps one object per name (it does by default).
 */
final class CandidateNames {
    private final Set<String> arenaFactories;
    private final Set<String> names;
    private final Name[] interned;

    CandidateNames(Elements elements) {
        Set<String> factories = new HashSet<>(ApiModel.HIDDEN_ARENA_FACTORY_NAMES);
        factories.add(ApiModel.CONFINED_FACTORY_NAME);
        this.arenaFactories = Set.copyOf(factories);
        Set<String> all = new HashSet<>(ApiModel.GLOBAL_ALLOCATOR_NAMES);
        all.addAll(arenaFactories);
        this.names = Set.copyOf(all);
        this.interned = internedNames(elements, names);
    }

    /** Whether a tree's name is one of the candidates. */
    boolean matches(Name name) {
        if (interned != null) {
            // An array, not a list: a loop over a few references.
            for (int i = 0; i < interned.length; i++) {
                if (name == interned[i]) {
                    return true;
                }
            }
            return false;
        }
        // javac keeps each name's string: no copy is made here.
        return names.contains(name.toString());
    }

    /**
     * Whether a candidate's name is that of an arena factory ({@code ofAuto}, {@code global},
     * {@code ofConfined}) rather than of a global allocator.
     *
     * @param name a name that {@link #matches}
     * @return true for an arena factory's name
     */
    boolean isArenaFactory(Name name) {
        return arenaFactories.contains(name.toString());
    }

    private static Name[] internedNames(Elements elements, Set<String> names) {
        List<Name> found = new ArrayList<>();
        for (String name : names) {
            Name first = elements.getName(name);
            if (first != elements.getName(new StringBuilder(name))) {
                return null;
            }
            found.add(first);
        }
        return found.toArray(new Name[0]);
    }
}
