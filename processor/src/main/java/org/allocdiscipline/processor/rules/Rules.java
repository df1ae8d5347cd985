package org.allocdiscipline.processor.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.allocdiscipline.processor.Options;
import org.allocdiscipline.processor.rules.api.Rule;

/** The rules that ship with the processor, and the selection that runs under given options. */
public final class Rules {
    private Rules() {
    }

    /**
     * The built-in rules: a new rule is added to this list, and its class holds all else about it. The four ownership rules read one shared analysis per body, so enabling all
     * of them costs what one costs.
     *
     * @return a new list, in id order
     */
    public static List<Rule> builtIn() {
        return List.of(new DoubleFreeRule(), new HardcodedAllocatorRule(), new OwnedNotFreedRule(),
                new UnclosableArenaRule(), new UseAfterFreeRule(), new WrongAllocatorRule(), new WrongThreadRule());
    }

    /**
     * The ids {@code -Aallocdiscipline.disable} accepts: every documented id and every given rule's id.
     *
     * @param rules the rules that could run
     * @return the ids
     */
    public static Set<String> knownIds(List<? extends Rule> rules) {
        Set<String> ids = new TreeSet<>(documentedIds());
        for (Rule rule : rules) {
            ids.add(rule.id());
        }
        return ids;
    }

    /**
     * The ids of the documented rules.
     *
     * @return the ids, sorted
     */
    public static Set<String> documentedIds() {
        Set<String> ids = new TreeSet<>();
        for (Rule rule : builtIn()) {
            if (rule.descriptor().documented()) {
                ids.add(rule.id());
            }
        }
        return ids;
    }

    /**
     * The rules that run: the given ones minus the disabled, plus the failure-injection hook if asked for.
     *
     * @param rules the candidate rules
     * @param options the options
     * @return the rules to run, in the given order
     */
    public static List<Rule> active(List<? extends Rule> rules, Options options) {
        List<Rule> active = new ArrayList<>();
        for (Rule rule : rules) {
            if (options.enabled(rule.id())) {
                active.add(rule);
            }
        }
        if (options.failOn().isPresent()) {
            active.add(new InjectedFailureRule(options.failOn().get()));
        }
        return List.copyOf(active);
    }
}
