package org.allocdiscipline.processor.rules.api;

import org.allocdiscipline.processor.report.RuleDescriptor;

/**
 * One check of the allocator discipline. The runner calls {@link #check} once for every code body
 * of a class: each method and constructor body, each lambda body (analysed as a method of its own),
 * each initializer block and each field initializer. A rule looks only at the body it is given and
 * reports through {@link BodyContext#findings()}; nested lambdas and classes come as bodies of their
 * own (see {@link org.allocdiscipline.processor.flow.BodyScanner}).
 *
 * <p>A rule may throw: the runner turns the exception into one note that names the method, and
 * goes on with the next rule and the next body.
 */
public interface Rule {
    /**
     * What the rule is: its id (documented, stable, the start of each diagnostic and the key for
     * {@code @SuppressWarnings} and {@code -Aallocdiscipline.disable}), what it reports and how its
     * findings are fixed.
     *
     * @return the descriptor
     */
    RuleDescriptor descriptor();

    /**
     * The rule id that starts each diagnostic, such as {@code hardcoded-allocator}.
     *
     * @return the id
     */
    default String id() {
        return descriptor().id();
    }

    /**
     * Checks one code body.
     *
     * @param context the body, the compiler's utilities, the options and the sink for findings
     * @throws Exception if the rule fails; the failure is reported as one note and checking goes on
     */
    void check(BodyContext context) throws Exception;

    /**
     * Checks one class declaration as a whole (top-level, nested, local, anonymous, records and enums
     * alike), for findings that belong to the class rather than to one body of it, such as an
     * {@code @Owned} field of a class without {@code close()}. The runner calls it before the class's
     * bodies. Most rules need nothing here.
     *
     * @param context the class, the compiler's utilities, the options and the sink
     * @throws Exception if the rule fails; the failure is reported as one note and checking goes on
     */
    default void checkClass(ClassContext context) throws Exception {
    }

    /**
     * Whether the rule must see top-level classes that hold no owned value (nothing in them is
     * {@linkplain SharedAnalyses#bringsOwned an owned value brought in}), name no global allocator or
     * arena factory ({@link BodyParts#globalAllocatorCandidates()}) and declare no final
     * {@code SegmentAllocator} field with an initializer. When no active rule must, the runner skips
     * those classes entirely: in most code that is nearly every class.
     *
     * @return true unless the rule reports only where an owned value, an allocator or an arena is in play
     */
    default boolean needsEveryClass() {
        return true;
    }
}
