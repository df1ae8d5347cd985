package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import java.util.List;
import java.util.Map;

/**
 * What one of the class's own methods does to what it is given, read from its body by
 * {@link MethodSummaries}: the flags each parameter's value and each {@code @Owned} field of the class
 * has when the method returns normally and when it throws, given that each was owned on entry, and
 * whether its result is a value it made itself. A flag set without {@link SiteFlags#RELEASED}
 * means the method leaves that value to its caller; with {@code RELEASED} and without
 * {@link SiteFlags#OWNED} it takes the value on every path (frees it, closes it, hands it on or
 * stores it in an {@code @Owned} field); with both, on some paths only.
 *
 * @param completes whether some normal exit is reachable: a call of a method that never completes normally
 *     (it always throws, or calls itself back for ever) has no normal successor
 * @param freshResult whether every {@code return} hands out a value the method made itself and still
 *     owns there (or {@code null}), so that its callers own the result
 * @param parameters per parameter, its value's flags at the normal exits (null owes nothing; freed and then
 *     set to null counts as released)
 * @param parametersOnThrow per parameter, its value's flags at the exceptional exits
 * @param fields per {@code @Owned} field declaration of the class (instance methods only), its flags at
 *     the normal exits, {@link SiteFlags#ABSENT} included: a method that frees a field and sets it to null
 *     leaves its caller's field holding nothing
 * @param fieldsOnThrow the same at the exceptional exits
 */
record MethodSummary(boolean completes, boolean freshResult, List<SiteFlags> parameters, List<SiteFlags> parametersOnThrow,
                     Map<Tree, SiteFlags> fields, Map<Tree, SiteFlags> fieldsOnThrow) {
    /** A method that does nothing a caller must know of. */
    static final MethodSummary NONE = new MethodSummary(true, false, List.of(), List.of(), Map.of(), Map.of());
    /**
     * What a recursive method is first assumed to do where it calls itself back: never to complete, so that
     * the first round reads only the paths without the recursive call.
     */
    static final MethodSummary NEVER_COMPLETES = new MethodSummary(false, false, List.of(), List.of(), Map.of(), Map.of());

    MethodSummary {
        parameters = List.copyOf(parameters);
        parametersOnThrow = List.copyOf(parametersOnThrow);
    }

    /** Whether the method takes the argument at this position on every normal path. */
    boolean takes(int argument) {
        return takenOnEveryPath(flags(parameters, argument));
    }

    /** Whether the method releases the argument at this position on some normal paths but not on all. */
    boolean takesSometimes(int argument) {
        SiteFlags flags = flags(parameters, argument);
        return flags.mayBeReleased() && flags.mayBeOwned();
    }

    /** The flags of the argument at this position when the method throws. */
    SiteFlags onThrow(int argument) {
        return flags(parametersOnThrow, argument);
    }

    boolean takesAny() {
        for (int i = 0; i < parameters.size(); i++) {
            if (takes(i)) {
                return true;
            }
        }
        return false;
    }

    static boolean takenOnEveryPath(SiteFlags flags) {
        return flags.mayBeReleased() && !flags.mayBeOwned();
    }

    /** Varargs positions use the last parameter, as {@link OwnershipAnnotations.Signature#takesArgument} does. */
    private static SiteFlags flags(List<SiteFlags> byParameter, int argument) {
        return byParameter.isEmpty() ? SiteFlags.NONE : byParameter.get(Math.min(argument, byParameter.size() - 1));
    }
}
