package org.allocdiscipline.processor.ownership;

import java.util.List;

/**
 * Everything the ownership analysis found in one body, in a deterministic order (by the
 * position of the reported tree).
 *
 * @param leaks           at most one per site
 * @param doubleReleases  second releases
 * @param usesAfterRelease uses of released values
 * @param wrongAllocators releases through the wrong allocator
 * @param danglingFields  {@code @Owned} fields a method other than {@code close()} leaves holding freed memory
 * @param segmentEscapes  segments that leave the body, or are kept by something that outlives it, before the
 *                        body closes their arena
 * @param complete        false when the analysis gave up on the body (its fixpoint iteration hit
 *                        the step limit); the lists are then empty, and a caller may say so
 */
public record OwnershipFindings(List<Leak> leaks, List<DoubleRelease> doubleReleases,
                                List<UseAfterRelease> usesAfterRelease, List<WrongAllocator> wrongAllocators,
                                List<DanglingField> danglingFields, List<SegmentEscape> segmentEscapes,
                                boolean complete) {

    /** Nothing found. */
    public static final OwnershipFindings NONE = new OwnershipFindings(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), true);

    /** The analysis gave up on a body. */
    public static final OwnershipFindings GAVE_UP = new OwnershipFindings(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), false);

    /**
     * Whether nothing was found.
     *
     * @return true if all lists are empty
     */
    public boolean isEmpty() {
        return leaks.isEmpty() && doubleReleases.isEmpty() && usesAfterRelease.isEmpty() && wrongAllocators.isEmpty()
                && danglingFields.isEmpty() && segmentEscapes.isEmpty();
    }
}
